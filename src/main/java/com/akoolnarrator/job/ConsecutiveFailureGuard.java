package com.akoolnarrator.job;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stops the job when rows fail one after another: past a point that is not bad rows but something systemic (a broken
 * voice, an outage Akool reports as row errors), and going on would only burn through the file.
 */
public class ConsecutiveFailureGuard {

    private final int limit;
    private final AtomicInteger consecutive = new AtomicInteger();

    public ConsecutiveFailureGuard(int limit) {
        this.limit = limit;
    }

    public void success() {
        consecutive.set(0);
    }

    /** Counts a failed row; throws once {@code limit} rows in a row have failed (a limit of 0 or less never trips). */
    public void failure(String reason) {
        int count = consecutive.incrementAndGet();
        if (limit > 0 && count >= limit) {
            throw new TooManyFailuresException(count, reason);
        }
    }

    public void reset() {
        consecutive.set(0);
    }

    /** The job stops: {@code count} rows failed in a row. */
    public static class TooManyFailuresException extends RuntimeException {
        public TooManyFailuresException(int count, String lastReason) {
            super(count + " rows failed in a row (narrator.max-consecutive-failures), so something systemic is wrong;"
                    + " the job stopped rather than burn through the file. Last failure: " + lastReason);
        }
    }
}
