package com.akoolnarrator.job.finish;

import com.akoolnarrator.ledger.SharedSql;

/** The review step's statements: the run's speaking rates, the takes judged against them, the flagged files. */
final class ReviewSql {

    private ReviewSql() {
    }

    /** The run's rows (not parts) whose own MP3 is on disk and checked: judged for their speaking rate. */
    private static final String CHECKED_FILES = " FROM RUN_ROW R JOIN NARRATION N ON N.NARRATION_KEY = R.NARRATION_KEY"
            + " WHERE R.RUN_ID = ? AND N.STATE = 'DOWNLOADED' AND N.AUDIO_FLAGS IS NOT NULL AND N.AUDIO_SECONDS > 0";

    /**
     * Characters a second of each voice and rate, the median over the run's files that hold speech: a cut-off take
     * stands out against it however long the texts are.
     */
    static final String SPEAKING_RATES = "SELECT COALESCE(N.VOICE_ID, N.VOICE_URL), N.RATE, COUNT(*),"
            + " PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY N.TEXT_LENGTH / N.AUDIO_SECONDS)" + CHECKED_FILES
            + " AND N.AUDIO_FLAGS NOT LIKE '%SILENT%' AND N.AUDIO_FLAGS NOT LIKE '%UNDECODABLE%'"
            + " GROUP BY COALESCE(N.VOICE_ID, N.VOICE_URL), N.RATE";

    /**
     * Parameters: characters a second, then the tolerance and characters a second (TOO_SHORT), characters a second and
     * the tolerance (TOO_LONG), then the run, voice and rate. A SET reads the row as it was, hence no EXPECTED_SECONDS.
     * The run's rows are found by EXISTS through RUN_ROW's index, not by IN (SELECT ...), which H2 evaluates again for
     * every row it updates.
     */
    static final String JUDGE_SPEAKING_RATE = "UPDATE NARRATION SET EXPECTED_SECONDS = TEXT_LENGTH / CAST(? AS DOUBLE PRECISION),"
            + " DURATION_FLAG = CASE"
            + " WHEN AUDIO_SECONDS * CAST(? AS DOUBLE PRECISION) * CAST(? AS DOUBLE PRECISION) < TEXT_LENGTH THEN 'TOO_SHORT'"
            + " WHEN AUDIO_SECONDS * CAST(? AS DOUBLE PRECISION) > TEXT_LENGTH * CAST(? AS DOUBLE PRECISION) THEN 'TOO_LONG' END"
            + " WHERE EXISTS (SELECT 1 FROM RUN_ROW R WHERE R.RUN_ID = ? AND R.NARRATION_KEY = NARRATION.NARRATION_KEY)"
            + " AND STATE = 'DOWNLOADED' AND AUDIO_FLAGS IS NOT NULL AND AUDIO_SECONDS > 0"
            + " AND COALESCE(VOICE_ID, VOICE_URL) = ? AND RATE = ?";

    static final String FLAGGED = "SELECT N.NARRATION_KEY, " + SharedSql.AUDIO_COLUMNS + SharedSql.FLAGGED_FILES + " ORDER BY R.LINE_NO";

    static final String AUDIO_REJECTED = "UPDATE NARRATION SET STATE = 'FAILED', FAILURE_KIND = 'AUDIO_REJECTED', ERROR = ?,"
            + " UPDATED_AT = ? WHERE NARRATION_KEY = ? AND STATE = 'DOWNLOADED'";

    /** The parts of a rejected joined file are narrated again too: downloading the same parts would join the same take. */
    static final String AUDIO_REJECTED_PARTS = "UPDATE NARRATION SET STATE = 'FAILED', FAILURE_KIND = NULL, ERROR = ?,"
            + " UPDATED_AT = ? WHERE ROW_KEY = ? AND PART_NO > 0";
}
