package com.akoolnarrator.ledger;

import java.util.Collections;

/** What the ledger's statements and the features' own share of SQL over the kernel's tables. */
public final class SharedSql {

    private SharedSql() {
    }

    /** {@code ?, ?, ?} for an IN list of {@code count} values. */
    public static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    /** A run row's Akool job id(s), over {@code NARRATION N}: a long script's parts', space-separated, in order. */
    public static final String ROW_AKOOL_IDS = "CASE WHEN N.PARTS > 1 THEN (SELECT STRING_AGG(P.AKOOL_ID, ' ' ORDER BY"
            + " P.PART_NO) FROM NARRATION P WHERE P.ROW_KEY = N.NARRATION_KEY AND P.PARTS = 1) ELSE N.AKOOL_ID END AS AKOOL_ID";

    /**
     * A narration's state as a row's result: FAILED while its MP3 could not be stored in the output's bucket
     * ({@code STORE_ERROR}, which says why); it waits on disk for the next run.
     */
    public static final String ROW_STATE = "CASE WHEN N.STATE = 'DOWNLOADED' AND N.STORE_ERROR IS NOT NULL THEN 'FAILED'"
            + " ELSE N.STATE END";

    /** Why a row failed: its narration's error, or why its MP3 could not be stored ({@link #ROW_STATE}). */
    public static final String ROW_ERROR = "CASE WHEN N.STATE = 'DOWNLOADED' AND N.STORE_ERROR IS NOT NULL THEN N.STORE_ERROR"
            + " ELSE N.ERROR END";

    /** What the audio check found ({@link AudioColumns#parameters}); the speaking rate is judged again by the run's review. */
    public static final String AUDIO_FOUND = " LOUDNESS_LUFS = ?, PEAK_DBFS = ?, GAIN_DB = ?, CLIPPED_SAMPLES = ?,"
            + " LONGEST_SILENCE = ?, LONGEST_SILENCE_AT = ?, AUDIO_SECONDS = ?, AUDIO_FLAGS = ?, PAUSES = ?,"
            + " DURATION_FLAG = NULL, EXPECTED_SECONDS = NULL,";

    /** What {@link AudioColumns#checked} reads. */
    public static final String AUDIO_COLUMNS = "N.LOUDNESS_LUFS, N.PEAK_DBFS, N.GAIN_DB, N.CLIPPED_SAMPLES, N.LONGEST_SILENCE,"
            + " N.LONGEST_SILENCE_AT, N.AUDIO_SECONDS, N.AUDIO_FLAGS, N.DURATION_FLAG, N.EXPECTED_SECONDS, N.PAUSES";

    /**
     * The run's rows whose MP3 is on disk and flagged, by the file alone or by the speaking-rate review, and that no
     * person approved since: a listener's verdict wins over the machine's.
     */
    public static final String FLAGGED_FILES = " FROM RUN_ROW R JOIN NARRATION N ON N.NARRATION_KEY = R.NARRATION_KEY"
            + " WHERE R.RUN_ID = ? AND N.STATE = 'DOWNLOADED' AND (N.AUDIO_FLAGS <> '' OR N.DURATION_FLAG IS NOT NULL)"
            + " AND (N.REVIEW IS NULL OR N.REVIEW <> 'APPROVE')";
}
