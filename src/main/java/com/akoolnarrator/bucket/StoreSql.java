package com.akoolnarrator.bucket;

import com.akoolnarrator.ledger.SharedSql;

/** The store step's statements: the run's MP3s not yet in the bucket as the ledger has them, and what storing came to. */
final class StoreSql {

    private StoreSql() {
    }

    /** Up to a page of the run's downloaded rows not stored as they are now, after a line, in input order. */
    static String unstored(int limit) {
        return unstored(limit, "");
    }

    /**
     * The same of the rows tagged as they ask, captioned when captions are wanted, and not refused by the bucket in an
     * earlier try: what the store step stores while the collect step downloads others.
     */
    static String ready(int limit, boolean captioned) {
        return unstored(limit, " AND N.TAGGED = COALESCE(N.TAGS, '') AND N.STORE_ERROR IS NULL"
                + (captioned ? " AND N.CAPTIONED IS NOT NULL" : ""));
    }

    private static String unstored(int limit, String ready) {
        return "SELECT R.LINE_NO, N.NARRATION_KEY, N.OUTPUT_FILE, N.SHA256, N.CONTENT_HASH, N.ATTEMPTS, N.TAGGED,"
                + " N.DURATION_SECONDS, N.CAPTIONS, " + SharedSql.ROW_AKOOL_IDS
                + " FROM RUN_ROW R JOIN NARRATION N ON N.NARRATION_KEY = R.NARRATION_KEY"
                + " WHERE R.RUN_ID = ? AND R.LINE_NO > ? AND N.STATE = 'DOWNLOADED'"
                + " AND (N.STORED IS NULL OR N.STORED <> N.SHA256)" + ready
                + " ORDER BY R.LINE_NO FETCH FIRST " + limit + " ROWS ONLY";
    }

    /** Stored (STORED the object's SHA-256), or not (STORED as it was, STORE_ERROR why). */
    static final String STORED = "UPDATE NARRATION SET STORED = COALESCE(?, STORED), STORE_ERROR = ?, UPDATED_AT = ?"
            + " WHERE NARRATION_KEY = ?";
}
