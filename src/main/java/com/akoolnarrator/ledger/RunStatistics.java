package com.akoolnarrator.ledger;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Counts over a run's rows: progress, what is left to submit, what was billed, why rows are INVALID. */
public class RunStatistics {

    private final JdbcClient jdbc;

    RunStatistics(LedgerStore store) {
        this.jdbc = store.jdbc();
    }

    public RunCounts counts(long runId) {
        long[] counts = new long[NarrationState.values().length + 1];
        jdbc.sql(LedgerSql.ROWS_BY_STATE).param(runId).query(rs -> {
            String state = rs.getString(1);
            int index = "INVALID".equals(state) ? counts.length - 1 : NarrationState.valueOf(state).ordinal();
            counts[index] += rs.getLong(2);
        });
        return new RunCounts(counts[NarrationState.PENDING.ordinal()], counts[NarrationState.SUBMITTED.ordinal()],
                counts[NarrationState.COMPLETED.ordinal()], counts[NarrationState.DOWNLOADED.ordinal()],
                counts[NarrationState.FAILED.ordinal()], counts[counts.length - 1]);
    }

    /** What the run would still submit, per endpoint, in name order. */
    public List<PendingWork> pendingWork(long runId) {
        return jdbc.sql(LedgerSql.PENDING_BY_ENDPOINT).param(runId)
            .query((rs, i) -> new PendingWork(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
            .list();
    }

    /** Characters sent to Akool for the run's rows since a moment (what this run was billed for). */
    public long charactersSubmittedSince(long runId, Instant since) {
        return jdbc.sql(LedgerSql.CHARACTERS_SUBMITTED_SINCE).params(runId, Timestamp.from(since)).query(Long.class).single();
    }

    /** The run's first INVALID rows, in input order, with their reasons. */
    public List<String> invalidReasons(long runId, int limit) {
        return jdbc.sql(LedgerSql.invalidReasons(limit)).param(runId).query(String.class).list();
    }
}
