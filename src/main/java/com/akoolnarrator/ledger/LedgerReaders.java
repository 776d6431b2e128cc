package com.akoolnarrator.ledger;

import java.util.List;

import javax.sql.DataSource;

import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.batch.infrastructure.item.database.builder.JdbcCursorItemReaderBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.akoolnarrator.ledger.ResultRow.Status;

/**
 * What the steps read from the ledger: each reader reads one cursor in input order (a paging query would sort the
 * remaining rows again for every page) and keeps no position, since the ledger's states say what is left.
 */
public class LedgerReaders {

    private final DataSource dataSource;
    private final LedgerStore store;
    private final JdbcClient jdbc;

    LedgerReaders(DataSource dataSource, LedgerStore store) {
        this.dataSource = dataSource;
        this.store = store;
        this.jdbc = store.jdbc();
    }

    /** The run's narrations still to submit: the submit step's work. */
    public JdbcCursorItemReader<PendingNarration> pendingNarrations(long runId) {
        return new JdbcCursorItemReaderBuilder<PendingNarration>()
            .name("pendingNarrations")
            .dataSource(dataSource)
            .sql(LedgerSql.PENDING)
            .queryArguments(runId)
            .rowMapper((rs, i) -> new PendingNarration(rs.getString("NARRATION_KEY"), rs.getString("ROW_ID"),
                    rs.getString("OUTPUT_FILE"), new PendingNarration.Asked(rs.getString("INPUT_TEXT"), rs.getString("VOICE_ID"),
                            rs.getString("VOICE_URL"), rs.getString("RATE"), rs.getString("WEBHOOK_URL")), null))
            .fetchSize(100)
            .saveState(false)
            .build();
    }

    /** Where {@code LedgerSql.AUDIO_COLUMNS} start in {@code LedgerSql.RESULT_ROWS}. */
    private static final int RESULT_AUDIO_COLUMN = 14;

    /** The run's rows in input order with what became of them: what results.csv says. */
    public JdbcCursorItemReader<ResultRow> resultRows(long runId) {
        return new JdbcCursorItemReaderBuilder<ResultRow>()
            .name("resultRows")
            .dataSource(dataSource)
            .sql(LedgerSql.RESULT_ROWS)
            .queryArguments(runId)
            .saveState(false)
            .rowMapper((rs, i) -> {
                String invalid = rs.getString("INVALID_REASON");
                String state = rs.getString("STATE");
                Status status = invalid != null ? Status.INVALID
                        : NarrationState.DOWNLOADED.name().equals(state) ? Status.SUCCEEDED : Status.FAILED;
                String error = invalid != null ? invalid : rs.getString("ERROR");
                if (status == Status.FAILED && error == null) {
                    error = "not finished (" + state + "): the job ended before this row was done; run the same command again";
                }
                boolean succeeded = status == Status.SUCCEEDED;
                long bytes = rs.getLong("FILE_BYTES");
                double duration = rs.getDouble("DURATION_SECONDS");
                return new ResultRow(rs.getLong("LINE_NO"), rs.getString("ROW_ID"), status,
                        succeeded ? rs.getString("OUTPUT_FILE") : null, rs.getString("AKOOL_ID"), rs.getString("AUDIO_URL"),
                        succeeded ? bytes : null, succeeded ? duration : null, succeeded ? rs.getString("SHA256") : null,
                        invalid != null ? 0 : rs.getInt("ATTEMPTS"), error, RowValues.decode(rs.getString("RAW_VALUES")),
                        succeeded ? AudioColumns.checked(rs, RESULT_AUDIO_COLUMN) : null,
                        succeeded ? AudioColumns.expectedSeconds(rs, RESULT_AUDIO_COLUMN) : null,
                        succeeded ? rs.getString("CONTENT_HASH") : null, LexiconUses.describe(rs.getString("LEXICON")),
                        invalid != null ? null : rs.getInt("TAKE"), review(rs.getString("REVIEW")),
                        rs.getString("REVIEW_REASON"), succeeded ? rs.getString("CAPTIONS") : null,
                        succeeded ? rs.getString("CAPTION_TIMING") : null);
            })
            .build();
    }

    private static ResultRow.Review review(String decision) {
        return decision == null ? null : ResultRow.Review.valueOf(decision);
    }

    /**
     * The run's Akool jobs that the collect step execution {@code follower} does not follow yet (just accepted by the
     * submit step, or left by an earlier execution), now marked as followed by it: each job is handed over once per
     * execution, through the ledger.
     */
    public List<TrackedNarration> takeOverJobs(long runId, long follower) {
        return store.committedNow(() -> follow(notFollowed(runId, follower), follower));
    }

    List<TrackedNarration> notFollowed(long runId, long follower) {
        return jdbc.sql(LedgerSql.NOT_FOLLOWED).params(runId, follower)
            .query((rs, i) -> new TrackedNarration(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                    rs.getInt(5), LedgerStore.instant(rs.getTimestamp(6)), rs.getString(7), rs.getString(8) != null,
                    rs.getInt(9) > 0))
            .list();
    }

    /**
     * Marks the jobs followed, each only in the state it was read in: a callback that completed one since (committed
     * between the read and the mark) keeps it nobody's, so the next take-over hands it on completed. Marked
     * regardless, the callback's hand-off would be lost, and the job, polled later and found completed "by a
     * callback", never downloaded.
     */
    List<TrackedNarration> follow(List<TrackedNarration> jobs, long follower) {
        if (!jobs.isEmpty()) {
            store.batchUpdates().batchUpdate(LedgerSql.FOLLOW, jobs.stream()
                .map(job -> new Object[] { follower, job.key(),
                        (job.isCompleted() ? NarrationState.COMPLETED : NarrationState.SUBMITTED).name() })
                .toList());
        }
        return jobs;
    }
}
