package com.akoolnarrator.job;

import org.springframework.batch.core.listener.SkipListener;
import org.springframework.batch.core.step.skip.SkipPolicy;

import com.akoolnarrator.akool.AkoolException;
import com.akoolnarrator.ledger.AkoolJobFacts;
import com.akoolnarrator.ledger.DownloadedNarration;
import com.akoolnarrator.ledger.FailureKind;
import com.akoolnarrator.ledger.PendingNarration;
import com.akoolnarrator.ledger.TrackedNarration;
import com.akoolnarrator.storage.DownloadException;

/**
 * What a row's failure means for the job: the skip policy (a row Akool rejects, or whose faults outlast the retries,
 * is skipped; authentication, credit and unknown errors stop the step) and the skip listener (a skipped row is FAILED
 * in the ledger with its reason, and counts towards the consecutive-failure limit).
 */
public class RowFailures implements SkipPolicy, SkipListener<Object, Object> {

    private final AkoolJobFacts facts;
    private final ConsecutiveFailureGuard guard;

    public RowFailures(AkoolJobFacts facts, ConsecutiveFailureGuard guard) {
        this.facts = facts;
        this.guard = guard;
    }

    @Override
    public boolean shouldSkip(Throwable t, long skipCount) {
        return t instanceof AkoolException.RowRejected || t instanceof AkoolException.Transient
                || t instanceof AkoolException.Unconfirmed || t instanceof DownloadException;
    }

    @Override
    public void onSkipInProcess(Object item, Throwable t) {
        failed(item, t);
    }

    @Override
    public void onSkipInWrite(Object item, Throwable t) {
        failed(item, t);
    }

    private void failed(Object item, Throwable t) {
        if (item instanceof PendingNarration pending) {
            rowFailed(pending.key(), ConsecutiveFailureGuard.Phase.SUBMIT, reason(t),
                    t instanceof AkoolException.Unconfirmed ? FailureKind.UNCONFIRMED : null);
        }
        else if (item instanceof TrackedNarration tracked) {
            rowFailed(tracked.key(), ConsecutiveFailureGuard.Phase.COLLECT, reason(t), collectKind(t));
        }
        else if (item instanceof DownloadedNarration downloaded) {
            rowFailed(downloaded.key(), ConsecutiveFailureGuard.Phase.COLLECT, reason(t), collectKind(t));
        }
    }

    /** A row failed: FAILED with its reason in the ledger, and one more towards the consecutive-failure limit. */
    public void rowFailed(String key, ConsecutiveFailureGuard.Phase phase, String reason) {
        rowFailed(key, phase, reason, null);
    }

    /** {@link #rowFailed(String, ConsecutiveFailureGuard.Phase, String)}, telling the next run what to do about it. */
    public void rowFailed(String key, ConsecutiveFailureGuard.Phase phase, String reason, FailureKind kind) {
        facts.recordFailed(key, reason, kind);
        guard.failure(phase, reason);
    }

    /** A finished job whose MP3 did not reach the disk is downloaded again by the next run, not submitted again. */
    private static FailureKind collectKind(Throwable t) {
        return t instanceof DownloadException && !(t instanceof DownloadException.ResultGone) ? FailureKind.NOT_DOWNLOADED
                : null;
    }

    /** A reason a person can act on. */
    static String reason(Throwable t) {
        if (t instanceof AkoolException.RowRejected) {
            return "Akool rejected the request: " + t.getMessage();
        }
        if (t instanceof AkoolException.Unconfirmed) {
            return t.getMessage() + " (look for the job in Akool's dashboard; narrator.resend-unconfirmed=true sends it again)";
        }
        if (t instanceof AkoolException.Transient) {
            return "Akool kept failing, retries exhausted: " + t.getMessage();
        }
        if (t instanceof DownloadException.ResultGone) {
            return "no usable result from Akool: " + t.getMessage() + "; the next run submits the row anew";
        }
        if (t instanceof DownloadException.Permanent) {
            return "download failed: " + t.getMessage() + "; the next run downloads it again while Akool keeps it";
        }
        if (t instanceof DownloadException.Transient) {
            return "download kept failing, retries exhausted: " + t.getMessage()
                    + "; the next run downloads it again while Akool keeps it";
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
