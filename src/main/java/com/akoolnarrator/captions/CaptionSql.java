package com.akoolnarrator.captions;

import com.akoolnarrator.ledger.SharedSql;

/** The captions step's statements: the run's files on disk, what their captions were made from, and what was written. */
final class CaptionSql {

    private CaptionSql() {
    }

    /** Up to a page of the run's downloaded rows after a line, in input order, with what their captions need. */
    static String downloaded(int limit) {
        return "SELECT R.LINE_NO, N.NARRATION_KEY, N.OUTPUT_FILE, R.RAW_VALUES, N.DURATION_SECONDS, N.CAPTIONED,"
                + " N.CAPTIONS, " + SharedSql.AUDIO_COLUMNS
                + " FROM RUN_ROW R JOIN NARRATION N ON N.NARRATION_KEY = R.NARRATION_KEY"
                + " WHERE R.RUN_ID = ? AND R.LINE_NO > ? AND N.STATE = 'DOWNLOADED'"
                + " ORDER BY R.LINE_NO FETCH FIRST " + limit + " ROWS ONLY";
    }

    /** Where the audio columns start in {@link #downloaded}. */
    static final int AUDIO_COLUMN = 8;

    static final String CAPTIONED = "UPDATE NARRATION SET CAPTIONED = ?, CAPTIONS = ?, CAPTION_TIMING = ?"
            + " WHERE NARRATION_KEY = ?";
}
