package com.akoolnarrator.review;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import com.akoolnarrator.audio.AudioCheck;
import com.akoolnarrator.ledger.ResultRow;

/** One review of a folder's last run: whose, which run, and its rows and decisions. */
record ReviewSession(Path folder, long runId, String reviewer, ReviewRows ledger, AudioCheck audioCheck) {

    List<ReviewRow> rows() {
        return ledger.rows(runId);
    }

    Optional<ReviewRow> row(long line) {
        return ledger.row(runId, line);
    }

    Optional<String> takeFile(long line, int take) {
        return ledger.takeFile(runId, line, take);
    }

    ReviewRows.Saved decide(long line, int take, ResultRow.Review decision, String reason) {
        return ledger.keyAt(runId, line).map(key -> ledger.decide(key, take, decision, reason, reviewer))
            .orElse(ReviewRows.Saved.NOT_CURRENT);
    }
}
