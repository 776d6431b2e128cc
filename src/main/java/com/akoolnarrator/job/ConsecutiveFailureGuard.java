package com.akoolnarrator.job;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Stops the job when rows fail one after another: past a point that is not bad rows but something systemic (a broken
 * voice, an account problem Akool reports row by row), and going on would only burn through the file.
 * <p>
 * Submissions and Akool jobs are counted apart: an accepted submission says nothing about whether the job will
 * succeed, so it must not hide a run of failed jobs, and a slow Akool must not let early rejections pile up against
 * downloads that have not happened yet. Once tripped, the guard stays tripped for the run (each execution has its own,
 * in its {@link RunState}), so that the submit step stops too when the failures are seen while collecting.
 */
public class ConsecutiveFailureGuard {

    /** Where a row's outcome was learnt. */
    public enum Phase { SUBMIT, COLLECT }

    private final int limit;
    private final Map<Phase, AtomicInteger> consecutive = new EnumMap<>(Phase.class);
    private final AtomicReference<TooManyFailuresException> tripped = new AtomicReference<>();

    public ConsecutiveFailureGuard(int limit) {
        this.limit = limit;
        for (Phase phase : Phase.values()) {
            consecutive.put(phase, new AtomicInteger());
        }
    }

    public void success(Phase phase) {
        consecutive.get(phase).set(0);
    }

    /** Counts a failed row; throws once {@code limit} rows in a row have failed (a limit of 0 or less never trips). */
    public void failure(Phase phase, String reason) {
        int count = consecutive.get(phase).incrementAndGet();
        if (limit > 0 && count >= limit) {
            tripped.compareAndSet(null, new TooManyFailuresException(count, reason));
            throw tripped.get();
        }
    }

    /** Throws if the guard tripped in this run, whichever step saw the failures. */
    public void ensureNotTripped() {
        TooManyFailuresException failure = tripped.get();
        if (failure != null) {
            throw failure;
        }
    }

    /** The job stops: {@code count} rows failed in a row. */
    public static class TooManyFailuresException extends RuntimeException {
        public TooManyFailuresException(int count, String lastReason) {
            super(count + " rows failed in a row (narrator.max-consecutive-failures), so something systemic is wrong;"
                    + " the job stopped rather than burn through the file. Last failure: " + lastReason);
        }
    }
}
