package com.akoolnarrator.review;

import java.util.ArrayDeque;
import java.util.Deque;

import org.springframework.batch.infrastructure.item.ItemReader;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The redo step's reader: the run's rows whose current take a reviewer sent back, read once when the step starts
 * (a person's decisions: a handful, at most the run's rows). Its work list is the ledger's, so a restarted step finds
 * only the takes not yet moved on.
 */
class SentBackTakes implements ItemReader<SentBack> {

    private final JdbcClient jdbc;
    private final long runId;
    private Deque<SentBack> left;

    SentBackTakes(JdbcClient jdbc, long runId) {
        this.jdbc = jdbc;
        this.runId = runId;
    }

    @Override
    public SentBack read() {
        if (left == null) {
            left = new ArrayDeque<>(jdbc.sql(TakeSql.SENT_BACK).param(runId)
                .query((rs, i) -> new SentBack(rs.getString("NARRATION_KEY"), rs.getInt("TAKE"), rs.getString("ROW_ID"),
                        rs.getString("OUTPUT_FILE"), (Long) rs.getObject("FILE_BYTES", Long.class),
                        trimmed(rs.getString("SHA256")), rs.getString("AKOOL_ID"),
                        (Double) rs.getObject("AUDIO_SECONDS", Double.class), rs.getString("AUDIO_FLAGS"),
                        rs.getString("REVIEW_REASON"), rs.getString("REVIEWER"), rs.getTimestamp("REVIEWED_AT")))
                .list());
        }
        return left.poll();
    }

    private static String trimmed(String sha256) {
        return sha256 == null ? null : sha256.strip();
    }
}
