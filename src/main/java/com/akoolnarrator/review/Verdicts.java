package com.akoolnarrator.review;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.akoolnarrator.ledger.LedgerStore;

/** What listeners decided of a run's files, and what the run does about it: for its summary and for status. */
public class Verdicts {

    private final JdbcClient jdbc;

    Verdicts(LedgerStore store) {
        this.jdbc = store.jdbc();
    }

    /** A run's files by decision. */
    public record Tally(long approved, long redo, long undecided) {
    }

    /** Rows a reviewer sent back, to be narrated again (paid again), and their characters. */
    public record Requested(long rows, long characters) {
    }

    public Tally tally(long runId) {
        long[] counts = new long[3];
        jdbc.sql(DecisionSql.TALLY).param(runId).query(rs -> {
            String review = rs.getString(1);
            counts[review == null ? 2 : "APPROVE".equals(review) ? 0 : 1] += rs.getLong(2);
        });
        return new Tally(counts[0], counts[1], counts[2]);
    }

    public Requested redoRequested(long runId) {
        return jdbc.sql(DecisionSql.REDO_ASKED).param(runId)
            .query((rs, i) -> new Requested(rs.getLong(1), rs.getLong(2))).single();
    }

    /** The rows {@code runId} narrated again at a reviewer's request. */
    public long retaken(long runId) {
        return jdbc.sql(DecisionSql.RETAKEN).param(runId).query(Long.class).single();
    }
}
