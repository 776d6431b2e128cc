package com.akoolnarrator.review;

import com.akoolnarrator.ledger.SharedSql;

/** The review's statements: a run's rows as a listener sees them, their takes, and the decisions made on them. */
final class DecisionSql {

    private DecisionSql() {
    }

    /**
     * A run's rows with the text as sent (a long script's parts, joined), the current take and its decision, and what
     * the audio check found.
     */
    private static final String ROWS_OF_RUN = "SELECT R.LINE_NO, R.ROW_ID, R.INVALID_REASON, N.NARRATION_KEY, N.STATE, N.OUTPUT_FILE,"
            + " N.TAKE, N.ERROR, N.REVIEW, N.REVIEW_REASON, N.REVIEWER, N.REVIEWED_AT, " + SharedSql.AUDIO_COLUMNS + ","
            + " COALESCE(T.INPUT_TEXT, (SELECT STRING_AGG(PT.INPUT_TEXT, ' ' ORDER BY P.PART_NO) FROM NARRATION P"
            + " JOIN NARRATION_TEXT PT ON PT.NARRATION_KEY = P.NARRATION_KEY"
            + " WHERE P.ROW_KEY = N.NARRATION_KEY AND P.PART_NO > 0)) AS SPOKEN"
            + " FROM RUN_ROW R LEFT JOIN NARRATION N ON N.NARRATION_KEY = R.NARRATION_KEY"
            + " LEFT JOIN NARRATION_TEXT T ON T.NARRATION_KEY = N.NARRATION_KEY"
            + " WHERE R.RUN_ID = ?";

    /** Every row of a run, in input order. */
    static final String ROWS = ROWS_OF_RUN + " ORDER BY R.LINE_NO";

    /** The row of a run on a line. */
    static final String ROW = ROWS_OF_RUN + " AND R.LINE_NO = ?";

    /** Where the audio columns start in {@link #ROWS} and {@link #ROW}. */
    static final int ROWS_AUDIO_COLUMN = 13;

    /** The takes a run's rows replaced. */
    private static final String TAKES_OF_RUN = "SELECT T.NARRATION_KEY, T.TAKE, T.TAKE_FILE, T.AUDIO_FLAGS,"
            + " T.REVIEW_REASON, T.REVIEWER, T.REVIEWED_AT FROM NARRATION_TAKE T"
            + " JOIN RUN_ROW R ON R.NARRATION_KEY = T.NARRATION_KEY WHERE R.RUN_ID = ?";

    /** The takes of every row of a run, in input order and take order. */
    static final String EARLIER_TAKES = TAKES_OF_RUN + " ORDER BY R.LINE_NO, T.TAKE";

    /** The takes of the row of a run on a line, in take order. */
    static final String EARLIER_TAKES_OF_ROW = TAKES_OF_RUN + " AND R.LINE_NO = ? ORDER BY T.TAKE";

    /** A decision on a take: only the take the reviewer heard, and only a take whose file is there to hear. */
    static final String DECIDE = "UPDATE NARRATION SET REVIEW = ?, REVIEW_REASON = ?, REVIEWER = ?, REVIEWED_AT = ?"
            + " WHERE NARRATION_KEY = ? AND TAKE = ? AND STATE = 'DOWNLOADED'";

    /** How a run's rows whose file is there stand: by decision (NULL: none yet). */
    static final String TALLY = "SELECT N.REVIEW, COUNT(*) FROM RUN_ROW R JOIN NARRATION N"
            + " ON N.NARRATION_KEY = R.NARRATION_KEY WHERE R.RUN_ID = ? AND N.STATE = 'DOWNLOADED' GROUP BY N.REVIEW";

    /** The rows a run would narrate again at a reviewer's request, and their characters. */
    static final String REDO_ASKED = "SELECT COUNT(*), COALESCE(SUM(N.TEXT_LENGTH), 0) FROM RUN_ROW R JOIN NARRATION N"
            + " ON N.NARRATION_KEY = R.NARRATION_KEY WHERE R.RUN_ID = ? AND N.REVIEW = 'REDO'";

    /** The takes a run replaced: the rows it narrated again at a reviewer's request. */
    static final String RETAKEN = "SELECT COUNT(*) FROM NARRATION_TAKE WHERE REPLACED_IN_RUN = ?";

    /** The narration of a run's row, found by its line. */
    static final String ROW_AT_LINE = "SELECT NARRATION_KEY FROM RUN_ROW WHERE RUN_ID = ? AND LINE_NO = ?";

    /** A take's file of a run's row: the current one's while its file is there, else the one kept when it was replaced. */
    static final String TAKE_FILE = "SELECT CASE WHEN N.TAKE = ? AND N.STATE = 'DOWNLOADED' THEN N.OUTPUT_FILE"
            + " ELSE (SELECT T.TAKE_FILE FROM NARRATION_TAKE T WHERE T.NARRATION_KEY = N.NARRATION_KEY AND T.TAKE = ?) END"
            + " FROM RUN_ROW R JOIN NARRATION N ON N.NARRATION_KEY = R.NARRATION_KEY WHERE R.RUN_ID = ? AND R.LINE_NO = ?";
}
