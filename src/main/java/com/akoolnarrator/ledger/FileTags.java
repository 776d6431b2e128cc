package com.akoolnarrator.ledger;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.akoolnarrator.input.TrackTags;

/** Which of a run's MP3s are not tagged as their rows ask, what their tags hold, and what was written. */
public class FileTags {

    private final LedgerStore store;
    private final JdbcClient jdbc;

    FileTags(LedgerStore store) {
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
        return jdbc.sql(LedgerSql.untagged(limit)).params(runId, afterLine)
            .query((rs, i) -> new Untagged(rs.getLong("LINE_NO"), rs.getString("NARRATION_KEY"), rs.getString("OUTPUT_FILE"),
                    rs.getString("CONTENT_HASH"), TrackTags.decode(rs.getString("TAGS")), rs.getInt("PARTS") > 1,
                    rs.getString("AKOOL_ID")))
            .list();
    }

    /** The parts a split row's MP3 was joined from; none when the ledger has not got them (a row taken from the folder). */
    public List<Part> parts(String key) {
        return jdbc.sql(LedgerSql.PART_CHAPTERS).param(key)
            .query((rs, i) -> new Part((Double) rs.getObject(1, Double.class), rs.getString(2)))
            .list();
    }

    /** The file now carries {@code tags}; its size and checksum are the tagged file's. */
    public void recordTagged(String key, TrackTags tags, long bytes, String sha256) {
        store.committedNow(() -> jdbc.sql(LedgerSql.TAGGED).params(tags.encode(), bytes, sha256, store.now(), key).update());
    }
}
