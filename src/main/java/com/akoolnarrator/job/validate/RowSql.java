package com.akoolnarrator.job.validate;

import com.akoolnarrator.ledger.SharedSql;

/** The validate step's statements: a run's rows, and its narrations created or refreshed as the rows are recorded. */
final class RowSql {

    private RowSql() {
    }

    /** SQL's standard MERGE, which H2 and PostgreSQL (15 and later) both speak. */
    static final String MERGE_RUN_ROW = "MERGE INTO RUN_ROW T USING (VALUES (CAST(? AS BIGINT), CAST(? AS BIGINT),"
            + " CAST(? AS VARCHAR(1024)), CAST(? AS CHAR(64)), CAST(? AS VARCHAR(1024)), CAST(? AS VARCHAR(4000)),"
            + " CAST(? AS VARCHAR(1000000)), CAST(? AS VARCHAR(100000)))) AS S (RUN_ID, LINE_NO, ROW_ID, NARRATION_KEY,"
            + " OUTPUT_KEY, INVALID_REASON, RAW_VALUES, LEXICON) ON T.RUN_ID = S.RUN_ID AND T.LINE_NO = S.LINE_NO"
            + " WHEN MATCHED THEN UPDATE SET ROW_ID = S.ROW_ID, NARRATION_KEY = S.NARRATION_KEY, OUTPUT_KEY = S.OUTPUT_KEY,"
            + " INVALID_REASON = S.INVALID_REASON, RAW_VALUES = S.RAW_VALUES, LEXICON = S.LEXICON"
            + " WHEN NOT MATCHED THEN INSERT (RUN_ID, LINE_NO, ROW_ID, NARRATION_KEY, OUTPUT_KEY, INVALID_REASON, RAW_VALUES,"
            + " LEXICON) VALUES (S.RUN_ID, S.LINE_NO, S.ROW_ID, S.NARRATION_KEY, S.OUTPUT_KEY, S.INVALID_REASON, S.RAW_VALUES,"
            + " S.LEXICON)";

    /** A join on an array, not ROW_ID IN (...), which H2 answers by scanning all the run's rows. */
    static final String ROWS_WITH_IDS = "SELECT R.ROW_ID, R.LINE_NO FROM UNNEST(?) AS L (K) JOIN RUN_ROW R"
            + " ON R.RUN_ID = ? AND R.ROW_ID = L.K";

    static final String ROWS_WITH_OUTPUTS = "SELECT R.OUTPUT_KEY, R.LINE_NO, R.ROW_ID FROM UNNEST(?) AS L (K)"
            + " JOIN RUN_ROW R ON R.RUN_ID = ? AND R.OUTPUT_KEY = L.K";

    private static final String KNOWN_NARRATION_COLUMNS = "NARRATION_KEY, STATE, FAILURE_KIND, OUTPUT_FILE, FILE_BYTES, SHA256,"
            + " AUDIO_URL, SUBMITTED_AT, COMPLETED_AT, AKOOL_ID, TAKE, REVIEW, STORED FROM NARRATION";

    static final String NOT_STORED = "UPDATE NARRATION SET STORED = NULL WHERE NARRATION_KEY = ?";

    static String knownNarrations(int count) {
        return "SELECT " + KNOWN_NARRATION_COLUMNS + " WHERE NARRATION_KEY IN (" + SharedSql.placeholders(count) + ")";
    }

    static final String INSERT_NARRATION = "INSERT INTO NARRATION (NARRATION_KEY, ROW_KEY, PART_NO, PARTS, SCOPE,"
            + " ROW_ID, CONTENT_HASH, TEXT_LENGTH, VOICE_ID, VOICE_URL, RATE, WEBHOOK_URL, OUTPUT_FILE, TAGS, STATE, UPDATED_AT)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?)";

    static final String INSERT_TEXT = "INSERT INTO NARRATION_TEXT (NARRATION_KEY, INPUT_TEXT) VALUES (?, ?)";

    static final String RESUBMIT = "UPDATE NARRATION SET STATE = 'PENDING', FAILURE_KIND = NULL, AKOOL_ID = NULL,"
            + " AUDIO_URL = NULL, ERROR = NULL, SUBMITTED_AT = NULL, COMPLETED_AT = NULL, OUTPUT_FILE = ?, WEBHOOK_URL = ?,"
            + " TAGS = ?, UPDATED_AT = ? WHERE NARRATION_KEY = ?";

    static final String REUSE = "UPDATE NARRATION SET STATE = ?, FAILURE_KIND = ?, OUTPUT_FILE = ?, WEBHOOK_URL = ?, TAGS = ?,"
            + " UPDATED_AT = ? WHERE NARRATION_KEY = ?";

    /**
     * A narration taken from the output folder: its MP3 is there and says it holds this narration (its tag, or
     * results.csv with the file's sha256), so it is DOWNLOADED as it is, whatever the ledger knew of it.
     */
    static final String RECOVERED = "UPDATE NARRATION SET STATE = 'DOWNLOADED', FAILURE_KIND = NULL, ERROR = NULL,"
            + " AKOOL_ID = COALESCE(CAST(? AS VARCHAR(64)), AKOOL_ID), FILE_BYTES = ?, SHA256 = ?, DURATION_SECONDS = ?,"
            + " ATTEMPTS = GREATEST(ATTEMPTS, ?), TAGGED = ?, OUTPUT_FILE = ?, WEBHOOK_URL = ?, TAGS = ?, FOLLOWED_BY = NULL,"
            + " UPDATED_AT = ? WHERE NARRATION_KEY = ?";

    /** The parts of a row taken from the folder are not sent: its MP3 is there, joined. */
    static final String PARTS_NOT_NEEDED = "UPDATE NARRATION SET STATE = 'FAILED', FAILURE_KIND = NULL, FOLLOWED_BY = NULL,"
            + " ERROR = 'not needed: the row''s MP3 was found in the output folder', UPDATED_AT = ?"
            + " WHERE ROW_KEY = ? AND PART_NO > 0 AND STATE <> 'DOWNLOADED'";
}
