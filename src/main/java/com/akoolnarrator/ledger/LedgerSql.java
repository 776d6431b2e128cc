package com.akoolnarrator.ledger;

/**
 * The kernel's SQL statements: the runs and their rows, the facts about Akool jobs, what the steps read. The tables are
 * described in the Flyway migrations ({@code src/main/resources/db/migration}); a feature's own statements live beside
 * it ({@code RowSql}, {@code JoinSql}, {@code ReviewSql}, {@code FileTags}) and run on {@link LedgerStore}.
 */
final class LedgerSql {

    private LedgerSql() {
    }

    // ---- runs and their rows ----

    static final String RUN_KNOWN = "SELECT COUNT(*) FROM RUN_INPUT WHERE RUN_ID = ?";

    static final String FORGET_OTHER_RUN_ROWS = "DELETE FROM RUN_ROW WHERE RUN_ID IN"
            + " (SELECT RUN_ID FROM RUN_INPUT WHERE SCOPE = ? AND RUN_ID <> ?)";

    static final String INSERT_RUN = "INSERT INTO RUN_INPUT (RUN_ID, SCOPE, INPUT_PATH, INPUT_SHA256, DRY_RUN)"
            + " VALUES (?, ?, ?, ?, ?)";

    static final String FORGET_RUN_ROWS = "DELETE FROM RUN_ROW WHERE RUN_ID = ?";

    static final String FORGET_RUN = "DELETE FROM RUN_INPUT WHERE RUN_ID = ?";

    // ---- facts about Akool jobs ----

    /**
     * Whether a narration has no Akool job yet, written so that no index can serve it: H2 would otherwise answer
     * {@code AKOOL_ID IS NULL AND NARRATION_KEY IN (...)} by walking the Akool id index (V8) over every narration not
     * yet submitted, once per chunk: a 100,000-row run slowed to 50 rows a second. The primary key serves the list.
     */
    private static final String NO_AKOOL_JOB = "COALESCE(AKOOL_ID, '') = ''";

    static String countAttempts(int count) {
        return "UPDATE NARRATION SET ATTEMPTS = ATTEMPTS + 1, UPDATED_AT = ? WHERE " + NO_AKOOL_JOB
                + " AND NARRATION_KEY IN (" + SharedSql.placeholders(count) + ")";
    }

    static String knownAkoolIds(int count) {
        return "SELECT NARRATION_KEY, AKOOL_ID FROM NARRATION WHERE NOT " + NO_AKOOL_JOB + " AND NARRATION_KEY IN ("
                + SharedSql.placeholders(count) + ")";
    }

    static String takeBackAttempts(int count) {
        return "UPDATE NARRATION SET ATTEMPTS = ATTEMPTS - 1 WHERE " + NO_AKOOL_JOB + " AND ATTEMPTS > 0"
                + " AND NARRATION_KEY IN (" + SharedSql.placeholders(count) + ")";
    }

    /** An accepted job is nobody's to follow yet (FOLLOWED_BY): the collect step picks it up from here. */
    static final String ACCEPTED_COMPLETED = "UPDATE NARRATION SET STATE = 'COMPLETED', FAILURE_KIND = NULL, AKOOL_ID = ?, AUDIO_URL = ?,"
            + " SUBMITTED_AT = ?, COMPLETED_AT = ?, ERROR = NULL, FOLLOWED_BY = NULL, UPDATED_AT = ? WHERE NARRATION_KEY = ?";

    static final String ACCEPTED = "UPDATE NARRATION SET STATE = 'SUBMITTED', FAILURE_KIND = NULL, AKOOL_ID = ?, SUBMITTED_AT = ?, ERROR = NULL,"
            + " FOLLOWED_BY = NULL, UPDATED_AT = ? WHERE NARRATION_KEY = ?";

    /** A job kept in the journal while the ledger could not write: recorded unless the ledger knows the job already. */
    static final String JOURNALED = "UPDATE NARRATION SET STATE = CASE WHEN CAST(? AS VARCHAR(4096)) IS NULL THEN 'SUBMITTED'"
            + " ELSE 'COMPLETED' END, AUDIO_URL = ?, FAILURE_KIND = NULL, AKOOL_ID = ?, SUBMITTED_AT = COALESCE(SUBMITTED_AT, ?),"
            + " ERROR = NULL, FOLLOWED_BY = NULL, UPDATED_AT = ? WHERE NARRATION_KEY = ? AND AKOOL_ID IS NULL";

    static final String COMPLETED = "UPDATE NARRATION SET STATE = 'COMPLETED', AUDIO_URL = ?, COMPLETED_AT = ?,"
            + " UPDATED_AT = ? WHERE NARRATION_KEY = ?";

    static final String POLLED_COMPLETED = COMPLETED + " AND STATE = 'SUBMITTED'";

    /**
     * Akool called back that the job is completed: a SUBMITTED narration becomes COMPLETED and nobody's to follow, so
     * the collect step takes it over again, as completed, and downloads it without a status call.
     */
    static final String CALLED_BACK_COMPLETED = "UPDATE NARRATION SET STATE = 'COMPLETED', AUDIO_URL = ?, COMPLETED_AT = ?,"
            + " FOLLOWED_BY = NULL, UPDATED_AT = ? WHERE AKOOL_ID = ? AND STATE = 'SUBMITTED'";

    /** Akool called back that the job failed: the collect step takes it over again and asks Akool why, at once. */
    static final String CALLED_BACK_FAILED = "UPDATE NARRATION SET FOLLOWED_BY = NULL, UPDATED_AT = ?"
            + " WHERE AKOOL_ID = ? AND STATE = 'SUBMITTED'";

    static final String AKOOL_ID_KNOWN = "SELECT COUNT(*) FROM NARRATION WHERE AKOOL_ID = ?";

    static final String FAILED = "UPDATE NARRATION SET STATE = 'FAILED', FAILURE_KIND = ?, ERROR = ?, UPDATED_AT = ?"
            + " WHERE NARRATION_KEY = ?";

    static final String DOWNLOADED = "UPDATE NARRATION SET STATE = 'DOWNLOADED', FAILURE_KIND = NULL, OUTPUT_FILE = ?, FILE_BYTES = ?,"
            + " SHA256 = ?, DURATION_SECONDS = ?," + SharedSql.AUDIO_FOUND + " TAGGED = NULL, ERROR = NULL, UPDATED_AT = ?"
            + " WHERE NARRATION_KEY = ?";

    // ---- what is left to do, and what was done ----

    /** Joins a run row R to what is sent to Akool for it, N: its narration, or each part of a split one. */
    private static final String WORK_OF_ROW = "NARRATION N ON N.ROW_KEY = R.NARRATION_KEY AND N.PARTS = 1";

    /**
     * The run's narrations at Akool (or whose MP3 waits to be downloaded) that the given collect step execution does not
     * follow yet: just accepted, or left by an earlier execution. Found through the state index, among the few in flight.
     */
    static final String NOT_FOLLOWED = "SELECT N.NARRATION_KEY, N.ROW_ID, N.AKOOL_ID, N.OUTPUT_FILE, N.TEXT_LENGTH,"
            + " N.SUBMITTED_AT, N.AUDIO_URL, N.WEBHOOK_URL, N.PART_NO FROM NARRATION N JOIN RUN_ROW R ON R.NARRATION_KEY = N.ROW_KEY AND R.RUN_ID = ?"
            + " WHERE N.STATE IN ('SUBMITTED', 'COMPLETED') AND N.PARTS = 1 AND (N.FOLLOWED_BY IS NULL OR N.FOLLOWED_BY <> ?)"
            + " ORDER BY R.LINE_NO, N.PART_NO";

    static final String FOLLOW = "UPDATE NARRATION SET FOLLOWED_BY = ? WHERE NARRATION_KEY = ? AND STATE = ?";

    static final String PENDING = "SELECT N.NARRATION_KEY, N.ROW_ID, T.INPUT_TEXT, N.VOICE_ID, N.VOICE_URL,"
            + " N.RATE, N.WEBHOOK_URL, N.OUTPUT_FILE FROM RUN_ROW R JOIN " + WORK_OF_ROW
            + " JOIN NARRATION_TEXT T ON T.NARRATION_KEY = N.NARRATION_KEY WHERE R.RUN_ID = ? AND N.STATE = 'PENDING'"
            + " ORDER BY R.LINE_NO, N.PART_NO";

    /** Per row of the run: INVALID, or the state of the row's narration (a split row's is DOWNLOADED once joined). */
    static final String ROWS_BY_STATE = "SELECT STATE, COUNT(*) FROM (SELECT CASE WHEN R.INVALID_REASON IS NOT NULL"
            + " THEN 'INVALID' ELSE " + SharedSql.ROW_STATE + " END AS STATE FROM RUN_ROW R LEFT JOIN NARRATION N"
            + " ON N.NARRATION_KEY = R.NARRATION_KEY WHERE R.RUN_ID = ?) AS ROWS_OF_RUN GROUP BY STATE";

    static final String CHARACTERS_SUBMITTED_SINCE = "SELECT COALESCE(SUM(N.TEXT_LENGTH), 0) FROM RUN_ROW R JOIN "
            + WORK_OF_ROW + " WHERE R.RUN_ID = ? AND N.SUBMITTED_AT >= ?";

    static final String PENDING_BY_ENDPOINT = "SELECT ENDPOINT, COUNT(DISTINCT ROW_KEY), SUM(CHARS), COUNT(*) FROM"
            + " (SELECT CASE WHEN N.VOICE_URL IS NULL THEN 'create' ELSE 'clone' END AS ENDPOINT, N.ROW_KEY,"
            + " N.TEXT_LENGTH AS CHARS FROM RUN_ROW R JOIN " + WORK_OF_ROW + " WHERE R.RUN_ID = ? AND N.STATE = 'PENDING')"
            + " AS WORK GROUP BY ENDPOINT ORDER BY ENDPOINT";

    static String invalidReasons(int limit) {
        return "SELECT INVALID_REASON FROM RUN_ROW WHERE RUN_ID = ? AND INVALID_REASON IS NOT NULL ORDER BY LINE_NO"
                + " FETCH FIRST " + limit + " ROWS ONLY";
    }

    static final String SCOPE_KNOWN = "SELECT COUNT(*) FROM (SELECT 1 FROM NARRATION WHERE SCOPE = ? FETCH FIRST 1 ROWS ONLY)"
            + " AS ANY_ROW";

    static String lastRuns(int limit) {
        return "SELECT RUN_ID FROM RUN_INPUT WHERE SCOPE = ? AND DRY_RUN = FALSE ORDER BY RUN_ID DESC FETCH FIRST " + limit
                + " ROWS ONLY";
    }

    static final String AT_AKOOL = "SELECT COUNT(*), MIN(N.SUBMITTED_AT) FROM RUN_ROW R JOIN " + WORK_OF_ROW
            + " WHERE R.RUN_ID = ? AND N.STATE IN ('SUBMITTED', 'COMPLETED')";

    /** The run's FAILED and INVALID rows, in input order (a row is FAILED here once its narration is). */
    static String problems(int limit) {
        return "SELECT R.LINE_NO, R.ROW_ID, CASE WHEN R.INVALID_REASON IS NOT NULL THEN 'INVALID' ELSE 'FAILED' END,"
                + " COALESCE(R.INVALID_REASON, " + SharedSql.ROW_ERROR + ") FROM RUN_ROW R LEFT JOIN NARRATION N"
                + " ON N.NARRATION_KEY = R.NARRATION_KEY WHERE R.RUN_ID = ? AND (R.INVALID_REASON IS NOT NULL"
                + " OR " + SharedSql.ROW_STATE + " = 'FAILED') ORDER BY R.LINE_NO FETCH FIRST " + limit + " ROWS ONLY";
    }

    /** A row narration N's Akool job ids, as AKOOL_ID: its own, or its parts' in order, separated by spaces. */

    /** A run's rows in input order, joined with their narrations: what results.csv says. */
    static final String RESULT_ROWS = "SELECT R.LINE_NO, R.ROW_ID, R.INVALID_REASON, R.RAW_VALUES, " + SharedSql.ROW_STATE
            + " AS STATE, N.OUTPUT_FILE, "
            + SharedSql.ROW_AKOOL_IDS + ","
            + " N.AUDIO_URL, N.FILE_BYTES, N.DURATION_SECONDS, N.SHA256, N.ATTEMPTS, " + SharedSql.ROW_ERROR + " AS ERROR, " + SharedSql.AUDIO_COLUMNS
            + ", N.CONTENT_HASH, R.LEXICON, N.TAKE, N.REVIEW, N.REVIEW_REASON, N.CAPTIONS, N.CAPTION_TIMING"
            + " FROM RUN_ROW R LEFT JOIN NARRATION N ON N.NARRATION_KEY = R.NARRATION_KEY"
            + " WHERE R.RUN_ID = ? ORDER BY R.LINE_NO";

    // ---- the lexicon ----

    static final String LEXICON_USES = "SELECT LEXICON FROM RUN_ROW WHERE RUN_ID = ? AND LEXICON IS NOT NULL";

    static final String FLAGGED_COUNT = "SELECT COUNT(*)" + SharedSql.FLAGGED_FILES;

    // ---- what the job learnt of Akool ----

    static final String LEARNT_RATE = "SELECT REQUESTS_PER_SECOND FROM AKOOL_RATE WHERE BASE_URL = ?";

    static final String SAVE_RATE = "MERGE INTO AKOOL_RATE T USING (VALUES (CAST(? AS VARCHAR(1024)),"
            + " CAST(? AS DOUBLE PRECISION), CAST(? AS TIMESTAMP))) AS S (BASE_URL, RATE, AT) ON T.BASE_URL = S.BASE_URL"
            + " WHEN MATCHED THEN UPDATE SET REQUESTS_PER_SECOND = S.RATE, UPDATED_AT = S.AT"
            + " WHEN NOT MATCHED THEN INSERT (BASE_URL, REQUESTS_PER_SECOND, UPDATED_AT) VALUES (S.BASE_URL, S.RATE, S.AT)";

    static final String CHECKPOINT = "CHECKPOINT";
}
