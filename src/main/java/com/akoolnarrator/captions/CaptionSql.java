package com.akoolnarrator.captions;

import com.akoolnarrator.ledger.SharedSql;

/** The captions step's statements: the run's files on disk, what their captions were made from, and what was written. */
final class CaptionSql {

    private CaptionSql() {
    }

    /** Up to a page of the run's downloaded rows after a line, in input order, with what their captions need. */
    static String downloaded(int limit) {
        return downloaded(limit, "");
    }

    /**
     * The same of the rows tagged as they ask and never captioned, whose MP3 waits to be stored in the output's bucket:
     * what the captions step finishes while the collect step downloads others.
     */
    static String taggedUncaptioned(int limit) {
        return downloaded(limit, " AND N.TAGGED = COALESCE(N.TAGS, '') AND N.CAPTIONED IS NULL"
                + " AND (N.STORED IS NULL OR N.STORED <> N.SHA256)");
    }

    private static String downloaded(int limit, String ready) {
        return "SELECT R.LINE_NO, N.NARRATION_KEY, N.OUTPUT_FILE, R.RAW_VALUES, N.DURATION_SECONDS, N.CAPTIONED,"
                + " N.CAPTIONS, " + SharedSql.AUDIO_COLUMNS
                + " FROM RUN_ROW R JOIN NARRATION N ON N.NARRATION_KEY = R.NARRATION_KEY"
                + " WHERE R.RUN_ID = ? AND R.LINE_NO > ? AND N.STATE = 'DOWNLOADED'" + ready
                + " ORDER BY R.LINE_NO FETCH FIRST " + limit + " ROWS ONLY";
    }

    /** Where the audio columns start in {@link #downloaded}. */
    static final int AUDIO_COLUMN = 8;

    static final String CAPTIONED = "UPDATE NARRATION SET CAPTIONED = ?, CAPTIONS = ?, CAPTION_TIMING = ?"
            + " WHERE NARRATION_KEY = ?";
}
