package com.akoolnarrator.ledger;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    /** The run's files the audio check flagged: the files to listen to before they are published. */
    public long filesToListenTo(long runId) {
        return jdbc.sql(LedgerSql.FLAGGED_COUNT).param(runId).query(Long.class).single();
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

    /** The last runs (not dry runs) into an output folder, the newest first. */
    public List<Long> lastRuns(String scope, int limit) {
        return jdbc.sql(LedgerSql.lastRuns(limit)).param(scope).query(Long.class).list();
    }

    /** The last run (not a dry run) into an output folder, if any. */
    public Optional<Long> lastRun(String scope) {
        return lastRuns(scope, 1).stream().findFirst();
    }

    /** The run's narrations Akool is working on (or whose MP3 waits to be downloaded), and the oldest one's submission. */
    public AtAkool atAkool(long runId) {
        return jdbc.sql(LedgerSql.AT_AKOOL).param(runId)
            .query((rs, i) -> new AtAkool(rs.getLong(1), LedgerStore.instant(rs.getTimestamp(2)))).single();
    }

    /** The run's first FAILED and INVALID rows, in input order, with their reasons. */
    public List<RowProblem> problems(long runId, int limit) {
        return jdbc.sql(LedgerSql.problems(limit)).param(runId)
            .query((rs, i) -> new RowProblem(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4))).list();
    }

    /** Narrations at Akool: how many, and since when the oldest was submitted (null when none). */
    public record AtAkool(long count, Instant oldestSubmittedAt) {
    }

    /** A row that did not succeed: its line, id, status (FAILED or INVALID) and why. */
    public record RowProblem(long line, String rowId, String status, String reason) {
    }

    /** What one lexicon entry changed in a run: the rows whose text it changed, how often, how many characters. */
    public record LexiconEffect(String term, long rows, long replacements, long characters) {
    }

    /** What each lexicon entry that applied changed in the run's rows, by term. */
    public Map<String, LexiconEffect> lexiconEffects(long runId) {
        Map<String, LexiconEffect> effects = new HashMap<>();
        jdbc.sql(LedgerSql.LEXICON_USES).param(runId).query(rs -> {
            for (LexiconUses.Use use : LexiconUses.decode(rs.getString(1))) {
                effects.merge(use.term(), new LexiconEffect(use.term(), 1, use.count(), use.characters()),
                        (a, b) -> new LexiconEffect(a.term(), a.rows() + b.rows(), a.replacements() + b.replacements(),
                                a.characters() + b.characters()));
            }
        });
        return effects;
    }

    /** The run's first INVALID rows, in input order, with their reasons. */
    public List<String> invalidReasons(long runId, int limit) {
        return jdbc.sql(LedgerSql.invalidReasons(limit)).param(runId).query(String.class).list();
    }
}
