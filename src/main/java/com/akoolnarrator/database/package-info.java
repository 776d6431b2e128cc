/**
 * The job database's plumbing: the embedded H2 file in each output folder ({@code FolderDatabaseFile}, compacted as
 * it grows) or a PostgreSQL server ({@code JobDatabaseConfiguration}), its schema migrated by Flyway, and one line for
 * each way it can fail to open (the failure analyzers), and one run at a time in a folder ({@code FolderLock}: on a
 * server, an advisory lock; on H2, the file's own). The ledger's statements run on what it opens.
 */
package com.akoolnarrator.database;
