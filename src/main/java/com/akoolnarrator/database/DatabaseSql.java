package com.akoolnarrator.database;

/**
 * What the job database's plumbing asks of the database itself: its schema's version, its file's use, its compaction,
 * and the lock that keeps one run at a time in a folder.
 */
final class DatabaseSql {

    private DatabaseSql() {
    }

    /** The highest migration Flyway applied. */
    static final String SCHEMA_VERSION = "SELECT MAX(CAST(\"version\" AS INT)) FROM \"flyway_schema_history\""
            + " WHERE \"success\" AND \"version\" IS NOT NULL";

    /** How large the file is, and how much of its chunks is in use, in percent. */
    static final String FILE_USE = "SELECT SETTING_NAME, SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
            + " WHERE SETTING_NAME IN ('info.FILE_SIZE', 'info.CHUNKS_FILL_RATE')";

    static final String SHUTDOWN_COMPACT = "SHUTDOWN COMPACT";

    // ---- one run at a time in an output folder (PostgreSQL) ----

    static final String TRY_LOCK = "SELECT pg_try_advisory_lock(?)";

    static final String UNLOCK = "SELECT pg_advisory_unlock(?)";
}
