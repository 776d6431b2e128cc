package com.akoolnarrator.tags;

import java.sql.Timestamp;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.akoolnarrator.input.TrackTags;
import com.akoolnarrator.ledger.LedgerStore;
import com.akoolnarrator.ledger.SharedSql;

/** Which of a run's MP3s are not tagged as their rows ask, what their tags hold, and what was written. */
class FileTags {

    /** A split row's parts in order: how long each played, and what it said (for its chapter's title). */
    static final String PART_CHAPTERS = "SELECT P.DURATION_SECONDS, T.INPUT_TEXT FROM NARRATION P"
            + " LEFT JOIN NARRATION_TEXT T ON T.NARRATION_KEY = P.NARRATION_KEY"
            + " WHERE P.ROW_KEY = ? AND P.PARTS = 1 AND P.PART_NO > 0 ORDER BY P.PART_NO";

    static final String TAGGED = "UPDATE NARRATION SET TAGGED = ?, FILE_BYTES = ?, SHA256 = ?, UPDATED_AT = ?"
            + " WHERE NARRATION_KEY = ? AND STATE = 'DOWNLOADED'";

    private final LedgerStore store;
    private final JdbcClient jdbc;

    public FileTags(LedgerStore store) {
        this.store = store;
        this.jdbc = store.jdbc();
    }

    /**
     * A run row's MP3 to tag.
     *
     * @param akoolIds the Akool job id(s) it came from (a long script's parts', space-separated); null when the ledger
     *                 does not know them (a row taken from the folder)
     */
    public record Untagged(long line, String key, String file, String contentHash, TrackTags tags, boolean split,
            String akoolIds) {
    }

    /** A part of a long script, in order: how long it plays (null when unknown) and what it says. */
    public record Part(Double seconds, String text) {
    }

    /** Up to {@code limit} of the run's files to tag, after input line {@code afterLine}, in input order. */
    public List<Untagged> untagged(long runId, long afterLine, int limit) {
        return jdbc.sql(untagged(limit)).params(runId, afterLine)
            .query((rs, i) -> new Untagged(rs.getLong("LINE_NO"), rs.getString("NARRATION_KEY"), rs.getString("OUTPUT_FILE"),
                    rs.getString("CONTENT_HASH"), TrackTags.decode(rs.getString("TAGS")), rs.getInt("PARTS") > 1,
                    rs.getString("AKOOL_ID")))
            .list();
    }

    /** The run's rows whose MP3 is on disk and not tagged as the row asks (or not since written), after a line. */
    private static String untagged(int limit) {
        return "SELECT R.LINE_NO, N.NARRATION_KEY, N.OUTPUT_FILE, N.CONTENT_HASH, N.TAGS, N.PARTS, " + SharedSql.ROW_AKOOL_IDS
                + " FROM RUN_ROW R JOIN NARRATION N ON N.NARRATION_KEY = R.NARRATION_KEY"
                + " WHERE R.RUN_ID = ? AND R.LINE_NO > ? AND N.STATE = 'DOWNLOADED'"
                + " AND (N.TAGGED IS NULL OR N.TAGGED <> COALESCE(N.TAGS, ''))"
                // an MP3 stored in the output's bucket is never overwritten, its tags included
                + " AND (N.STORED IS NULL OR N.STORED <> N.SHA256)"
                + " ORDER BY R.LINE_NO FETCH FIRST " + limit + " ROWS ONLY";
    }

    /** The parts a split row's MP3 was joined from; none when the ledger has not got them (a row taken from the folder). */
    public List<Part> parts(String key) {
        return jdbc.sql(PART_CHAPTERS).param(key)
            .query((rs, i) -> new Part((Double) rs.getObject(1, Double.class), rs.getString(2)))
            .list();
    }

    /** A file that now carries {@code tags}: its size and checksum are the tagged file's. */
    public record Tagged(String key, TrackTags tags, long bytes, String sha256) {
    }

    /** Files tagged, recorded in one batch of its own transaction. */
    public void recordTagged(List<? extends Tagged> files) {
        if (files.isEmpty()) {
            return;
        }
        Timestamp now = store.now();
        store.committedNow(() -> store.batchUpdates().batchUpdate(TAGGED, files.stream()
            .map(file -> new Object[] { file.tags().encode(), file.bytes(), file.sha256(), now, file.key() }).toList()));
    }
}
