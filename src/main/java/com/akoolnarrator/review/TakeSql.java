package com.akoolnarrator.review;

import com.akoolnarrator.ledger.SharedSql;

/** The redo step's statements: the takes a reviewer sent back, each kept, and its narration on to the next take. */
final class TakeSql {

    private TakeSql() {
    }

    /** The run's rows whose current take a reviewer sent back, in input order. */
    static final String SENT_BACK = "SELECT N.NARRATION_KEY, N.TAKE, N.ROW_ID, N.OUTPUT_FILE, N.FILE_BYTES, N.SHA256, "
            + SharedSql.ROW_AKOOL_IDS + ", N.AUDIO_SECONDS, N.AUDIO_FLAGS, N.REVIEW_REASON, N.REVIEWER, N.REVIEWED_AT"
            + " FROM RUN_ROW R JOIN NARRATION N ON N.NARRATION_KEY = R.NARRATION_KEY"
            + " WHERE R.RUN_ID = ? AND N.REVIEW = 'REDO' ORDER BY R.LINE_NO";

    /**
     * The narration on to its next take, not yet sent: only from the take that was sent back, so that a second
     * execution of the step (a restart) never moves it twice, and the new take is asked of Akool once.
     */
    static final String NEXT_TAKE = "UPDATE NARRATION SET TAKE = TAKE + 1, STATE = 'PENDING', FAILURE_KIND = NULL,"
            + " AKOOL_ID = NULL, AUDIO_URL = NULL, FILE_BYTES = NULL, SHA256 = NULL, DURATION_SECONDS = NULL, ATTEMPTS = 0,"
            + " ERROR = NULL, SUBMITTED_AT = NULL, COMPLETED_AT = NULL, FOLLOWED_BY = NULL, TAGGED = NULL,"
            + " LOUDNESS_LUFS = NULL, PEAK_DBFS = NULL, GAIN_DB = NULL, CLIPPED_SAMPLES = NULL, LONGEST_SILENCE = NULL,"
            + " LONGEST_SILENCE_AT = NULL, AUDIO_SECONDS = NULL, AUDIO_FLAGS = NULL, DURATION_FLAG = NULL,"
            + " EXPECTED_SECONDS = NULL, PAUSES = NULL, CAPTIONED = NULL, CAPTIONS = NULL, CAPTION_TIMING = NULL,"
            + " REVIEW = NULL, REVIEW_REASON = NULL, REVIEWER = NULL, REVIEWED_AT = NULL,"
            + " UPDATED_AT = ? WHERE NARRATION_KEY = ? AND TAKE = ? AND REVIEW = 'REDO'";

    /** A long script's parts, narrated again for its next take (their files were deleted once joined). */
    static final String PARTS_AGAIN = "UPDATE NARRATION SET STATE = 'PENDING', FAILURE_KIND = NULL, AKOOL_ID = NULL,"
            + " AUDIO_URL = NULL, FILE_BYTES = NULL, SHA256 = NULL, DURATION_SECONDS = NULL, ATTEMPTS = 0, ERROR = NULL,"
            + " SUBMITTED_AT = NULL, COMPLETED_AT = NULL, FOLLOWED_BY = NULL, UPDATED_AT = ?"
            + " WHERE ROW_KEY = ? AND PART_NO > 0";

    static final String KEEP_TAKE = "INSERT INTO NARRATION_TAKE (NARRATION_KEY, TAKE, TAKE_FILE, AKOOL_ID, FILE_BYTES,"
            + " SHA256, AUDIO_SECONDS, AUDIO_FLAGS, REVIEW_REASON, REVIEWER, REVIEWED_AT, REPLACED_IN_RUN, REPLACED_AT)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
}
