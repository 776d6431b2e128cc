package com.akoolnarrator.ledger;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * What of a narration's earlier work a new run can reuse: an MP3 still on disk as it was written, else an Akool job
 * still within Akool's retention (its audio URL, or the job to poll), else nothing, and it is submitted again.
 * Pure: the caller says what time it is and whether the file is intact.
 */
public final class ReusePolicy {

    private final Duration retention;

    /** @param retention how long Akool keeps a job's result (7 days) */
    public ReusePolicy(Duration retention) {
        this.retention = retention;
    }

    /**
     * The state a known narration starts the new run in.
     *
     * @param outputFile where the new run wants the MP3
     * @param fileIntact whether the MP3 recorded as downloaded is still on disk with its recorded size (asked only when
     *                   it matters)
     */
    public NarrationState next(KnownNarration known, String outputFile, BooleanSupplier fileIntact, Instant now) {
        Instant expiredBefore = now.minus(retention);
        boolean akoolStillHasIt = known.completedAt() != null ? known.completedAt().isAfter(expiredBefore)
                : known.submittedAt() != null && known.submittedAt().isAfter(expiredBefore);
        return switch (known.state()) {
            case DOWNLOADED -> {
                if (outputFile.equals(known.outputFile()) && fileIntact.getAsBoolean()) {
                    yield NarrationState.DOWNLOADED;
                }
                yield akoolStillHasIt && known.audioUrl() != null ? NarrationState.COMPLETED : NarrationState.PENDING;
            }
            case COMPLETED, SUBMITTED -> akoolStillHasIt ? known.state() : NarrationState.PENDING;
            case FAILED, PENDING -> NarrationState.PENDING;
        };
    }

    /** What the ledger knows of a narration from an earlier run. */
    public record KnownNarration(NarrationState state, String outputFile, Long fileBytes, String audioUrl,
            Instant submittedAt, Instant completedAt) {
    }
}
