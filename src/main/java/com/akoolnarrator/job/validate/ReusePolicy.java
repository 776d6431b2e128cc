package com.akoolnarrator.job.validate;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

import com.akoolnarrator.ledger.FailureKind;
import com.akoolnarrator.ledger.NarrationState;

/**
 * What of a narration's earlier work a new run can reuse: an MP3 still on disk as it was written, else an Akool job
 * still within Akool's retention (its audio URL, also one whose download failed, or the job to poll, also one that
 * timed out), else nothing, and it is
 * submitted again; except a request Akool may have accepted without saying which job, which stays FAILED unless the
 * user asks to resend it. Pure: the caller says what time it is and whether the file is intact.
 */
final class ReusePolicy {

    private final Duration retention;
    private final boolean resendUnconfirmed;

    /**
     * @param retention         how long Akool keeps a job's result (7 days)
     * @param resendUnconfirmed whether to send again a request Akool may have accepted without a job id
     *                          ({@code narrator.resend-unconfirmed})
     */
    public ReusePolicy(Duration retention, boolean resendUnconfirmed) {
        this.retention = retention;
        this.resendUnconfirmed = resendUnconfirmed;
    }

    /**
     * The state a known narration starts the new run in.
     *
     * @param outputFile where the new run wants the MP3
     * @param fileIntact whether the MP3 recorded as downloaded is still on disk as recorded, its size and its bytes
     *                   ({@code RecordedFile}; asked only when it matters)
     */
    public NarrationState next(KnownNarration known, String outputFile, BooleanSupplier fileIntact, Instant now) {
        if (known.redoAsked()) {
            return known.state(); // the redo step keeps this take and asks for the next one, whatever its file's state
        }
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
            case FAILED -> known.failureKind() == FailureKind.UNCONFIRMED && !resendUnconfirmed ? NarrationState.FAILED
                    : known.failureKind() == FailureKind.TIMED_OUT && akoolStillHasIt ? NarrationState.SUBMITTED
                    : known.failureKind() == FailureKind.NOT_DOWNLOADED && akoolStillHasIt
                            ? known.audioUrl() != null ? NarrationState.COMPLETED : NarrationState.SUBMITTED
                    : NarrationState.PENDING;
            case PENDING -> NarrationState.PENDING;
        };
    }

    /**
     * Whether an MP3 found in the folder holding this narration ({@code NarratedFiles}) may stand for it instead of
     * what the policy would do: not a take the audio check rejected, nor one a reviewer asked to narrate again (a take
     * replaced and not yet narrated anew: its file may still be under the name), nor one of another Akool job than the
     * ledger's.
     *
     * @param foundAkoolIds the Akool job id(s) the file says it came from, or null when it does not say
     */
    public boolean mayTakeFromFolder(KnownNarration known, NarrationState next, String foundAkoolIds) {
        if (next == NarrationState.DOWNLOADED || known.failureKind() == FailureKind.AUDIO_REJECTED || known.redoAsked()
                || known.take() > 1 && known.akoolId() == null) {
            return false;
        }
        return known.akoolId() == null || foundAkoolIds == null || known.akoolId().equals(foundAkoolIds);
    }

    /**
     * What the ledger knows of a narration from an earlier run.
     *
     * @param sha256    the checksum of the file last recorded for it (downloaded, joined, tagged, recovered); null before
     * @param take      which take it is on, from 1
     * @param redoAsked whether a reviewer asked for this take to be narrated again
     */
    public record KnownNarration(NarrationState state, FailureKind failureKind, String outputFile, Long fileBytes,
            String sha256, String audioUrl, Instant submittedAt, Instant completedAt, String akoolId, int take,
            boolean redoAsked, String stored) {
    }
}
