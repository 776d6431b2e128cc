package com.akoolnarrator.review;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.akoolnarrator.ledger.AudioColumns;
import com.akoolnarrator.ledger.LedgerStore;
import com.akoolnarrator.ledger.NarrationState;
import com.akoolnarrator.ledger.ResultRow;

/** A run's rows as the review lists them, and the decisions made on them, each saved the moment it is made. */
class ReviewRows {

    private final LedgerStore store;
    private final JdbcClient jdbc;

    ReviewRows(LedgerStore store) {
        this.store = store;
        this.jdbc = store.jdbc();
    }

    /** Every row of the run, in input order, with its earlier takes. */
    List<ReviewRow> rows(long runId) {
        return read(DecisionSql.EARLIER_TAKES, DecisionSql.ROWS, runId);
    }

    /** The run's row on {@code line}, with its earlier takes: what a decision on it changed. */
    java.util.Optional<ReviewRow> row(long runId, long line) {
        return read(DecisionSql.EARLIER_TAKES_OF_ROW, DecisionSql.ROW, runId, line).stream().findFirst();
    }

    private List<ReviewRow> read(String takes, String rows, Object... params) {
        Map<String, List<ReviewRow.EarlierTake>> earlier = new HashMap<>();
        jdbc.sql(takes).params(params).query(rs -> {
            earlier.computeIfAbsent(rs.getString("NARRATION_KEY"), key -> new ArrayList<>())
                .add(new ReviewRow.EarlierTake(rs.getInt("TAKE"), rs.getString("TAKE_FILE"), rs.getString("AUDIO_FLAGS"),
                        rs.getString("REVIEW_REASON"), rs.getString("REVIEWER"), instant(rs.getTimestamp("REVIEWED_AT"))));
        });
        return jdbc.sql(rows).params(params).query((rs, i) -> row(rs, earlier)).list();
    }

    private static ReviewRow row(ResultSet rs, Map<String, List<ReviewRow.EarlierTake>> earlier) throws SQLException {
        String invalid = rs.getString("INVALID_REASON");
        String key = rs.getString("NARRATION_KEY");
        boolean heard = NarrationState.DOWNLOADED.name().equals(rs.getString("STATE"));
        ResultRow.Status status = invalid != null ? ResultRow.Status.INVALID
                : heard ? ResultRow.Status.SUCCEEDED : ResultRow.Status.FAILED;
        String review = rs.getString("REVIEW");
        String error = invalid != null ? invalid : heard ? null : rs.getString("ERROR");
        if (status == ResultRow.Status.FAILED && error == null) {
            error = "not narrated yet (" + rs.getString("STATE") + ")";
        }
        return new ReviewRow(rs.getLong("LINE_NO"), rs.getString("ROW_ID"), status, key, heard ? rs.getString("OUTPUT_FILE") : null,
                key == null ? null : rs.getInt("TAKE"), review == null ? null : ResultRow.Review.valueOf(review),
                rs.getString("REVIEW_REASON"), rs.getString("REVIEWER"), instant(rs.getTimestamp("REVIEWED_AT")),
                heard ? AudioColumns.checked(rs, DecisionSql.ROWS_AUDIO_COLUMN) : null,
                heard ? AudioColumns.expectedSeconds(rs, DecisionSql.ROWS_AUDIO_COLUMN) : null, rs.getString("SPOKEN"),
                error, key == null ? List.of() : earlier.getOrDefault(key, List.of()));
    }

    /** The narration of the run's row on {@code line}, if it has one. */
    java.util.Optional<String> keyAt(long runId, long line) {
        return jdbc.sql(DecisionSql.ROW_AT_LINE).params(runId, line).query(String.class).optional();
    }

    /** The file of take {@code take} of the run's row on {@code line}, while it is there to hear. */
    java.util.Optional<String> takeFile(long runId, long line, int take) {
        return jdbc.sql(DecisionSql.TAKE_FILE).params(take, take, runId, line).query(String.class).optional();
    }

    /** What became of a decision. */
    enum Saved {
        /** Saved: it is the take's decision now. */
        SAVED,
        /** Not saved: the take heard is no longer the row's current one, or its file is not there to hear. */
        NOT_CURRENT
    }

    /**
     * Saves a decision on take {@code take} of the narration {@code key} ({@code null}: none, clearing the last one),
     * by {@code reviewer}, now; the last decision made stands.
     */
    Saved decide(String key, int take, ResultRow.Review decision, String reason, String reviewer) {
        return save(new Decision(key, take, decision, reason), reviewer, store.now()) ? Saved.SAVED : Saved.NOT_CURRENT;
    }

    /** A decision on a row's take. */
    record Decision(String key, int take, ResultRow.Review decision, String reason) {
    }

    /** Saves all the decisions in one transaction, or none: false, and nothing saved, when one of them cannot be. */
    boolean decideAll(List<Decision> decisions, String reviewer) {
        Timestamp now = store.now();
        try {
            store.committedNow(() -> {
                for (Decision decision : decisions) {
                    if (!save(decision, reviewer, now)) {
                        throw new NotSaved(); // rolls back the ones saved before it
                    }
                }
            });
            return true;
        }
        catch (NotSaved e) {
            return false;
        }
    }

    private static final class NotSaved extends RuntimeException {

        NotSaved() {
            super(null, null, false, false);
        }
    }

    private boolean save(Decision decision, String reviewer, Timestamp now) {
        String reason = decision.decision() == null || decision.reason() == null || decision.reason().isBlank() ? null
                : LedgerStore.truncate(decision.reason().strip(), 4000);
        return jdbc.sql(DecisionSql.DECIDE).params(decision.decision() == null ? null : decision.decision().name(), reason,
                LedgerStore.truncate(reviewer, 256), now, decision.key(), decision.take()).update() == 1;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
