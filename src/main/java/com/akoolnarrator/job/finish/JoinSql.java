package com.akoolnarrator.job.finish;

import com.akoolnarrator.ledger.SharedSql;

/** The join step's statements: a long script's parts, ready to join or not, and its row once joined. */
final class JoinSql {

    private JoinSql() {
    }

    /** The most attempts any part of split row N needed. */
    private static final String PART_ATTEMPTS = "(SELECT COALESCE(MAX(P.ATTEMPTS), 0) FROM NARRATION P"
            + " WHERE P.ROW_KEY = N.NARRATION_KEY AND P.PARTS = 1)";

    static final String READY_TO_JOIN = "SELECT N.NARRATION_KEY, N.ROW_ID, N.OUTPUT_FILE FROM RUN_ROW R JOIN NARRATION N"
            + " ON N.NARRATION_KEY = R.NARRATION_KEY WHERE R.RUN_ID = ? AND N.PARTS > 1 AND N.STATE = 'PENDING'"
            + " AND NOT EXISTS (SELECT 1 FROM NARRATION P WHERE P.ROW_KEY = N.NARRATION_KEY AND P.PARTS = 1"
            + " AND P.STATE <> 'DOWNLOADED') ORDER BY R.LINE_NO";

    static final String PART_FILES = "SELECT OUTPUT_FILE, FILE_BYTES, SHA256, DURATION_SECONDS FROM NARRATION"
            + " WHERE ROW_KEY = ? AND PARTS = 1 ORDER BY PART_NO";

    /** A part that cannot be joined as it is: downloaded again by the next run while Akool keeps it, its row failed now. */
    static final String PART_NOT_DOWNLOADED = "UPDATE NARRATION SET STATE = 'FAILED', FAILURE_KIND = 'NOT_DOWNLOADED',"
            + " ERROR = ?, UPDATED_AT = ? WHERE ROW_KEY = ? AND OUTPUT_FILE = ? AND PART_NO > 0";

    static final String JOINED = "UPDATE NARRATION N SET STATE = 'DOWNLOADED', OUTPUT_FILE = ?, FILE_BYTES = ?, SHA256 = ?,"
            + " DURATION_SECONDS = ?," + SharedSql.AUDIO_FOUND + " TAGGED = NULL, ERROR = NULL, UPDATED_AT = ?, ATTEMPTS = "
            + PART_ATTEMPTS + " WHERE NARRATION_KEY = ?";

    static final String FAIL_ROWS_WITH_FAILED_PARTS = "UPDATE NARRATION N SET STATE = 'FAILED', UPDATED_AT = ?,"
            + " ATTEMPTS = " + PART_ATTEMPTS + ","
            + " ERROR = (SELECT 'part ' || P.PART_NO || ' of ' || N.PARTS || ': ' || P.ERROR FROM NARRATION P"
            + " WHERE P.ROW_KEY = N.NARRATION_KEY AND P.PARTS = 1 AND P.STATE = 'FAILED' ORDER BY P.PART_NO"
            + " FETCH FIRST 1 ROWS ONLY)"
            + " WHERE N.PARTS > 1 AND N.STATE = 'PENDING' AND N.NARRATION_KEY IN (SELECT NARRATION_KEY FROM RUN_ROW WHERE RUN_ID = ?)"
            + " AND EXISTS (SELECT 1 FROM NARRATION P WHERE P.ROW_KEY = N.NARRATION_KEY AND P.PARTS = 1 AND P.STATE = 'FAILED')";

    /** The parts could not be joined: the row FAILED, its parts left DOWNLOADED for a rerun to join. */
    static final String JOIN_FAILED = "UPDATE NARRATION SET STATE = 'FAILED', FAILURE_KIND = NULL, ERROR = ?, UPDATED_AT = ?"
            + " WHERE NARRATION_KEY = ?";
}
