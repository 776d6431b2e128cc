package com.akoolnarrator.job.submit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

import org.springframework.util.backoff.BackOffExecution;

import com.akoolnarrator.akool.AkoolProperties;
import com.akoolnarrator.ledger.PendingNarration;

/**
 * Narrations whose request failed for a reason that may pass (a refusal, a server error, a dropped connection), put
 * back for the submit step's reader to hand out again later instead of their processor waiting: the chunk they were in
 * ends without them, so that one unlucky request does not hold up the requests of its whole chunk (a chunk waits for
 * its slowest row). A narration comes back after what Akool asked ({@code Retry-After}), else after the backoff of
 * {@code akool.retry} for its number of tries; it is put back {@code akool.retry.max-retries} times at most, after
 * which its processor waits and retries in place, as Spring Batch's retry does for any fault.
 * <p>
 * Once the reader has nothing left to hand out it is closed: a narration refused after that (in the step's last chunk)
 * is not put back, its processor waits instead, so that nothing put back is left behind when the step ends.
 */
class DeferredSubmissions {

    private static final Duration LOOK_AGAIN = Duration.ofMillis(100);

    private record Deferred(PendingNarration narration, Instant due) {
    }

    private final PriorityQueue<Deferred> waiting = new PriorityQueue<>(Comparator.comparing(Deferred::due));
    private final Map<String, Integer> deferrals = new ConcurrentHashMap<>();
    private final Clock clock;
    private final AkoolProperties.Retry backoff;
    private boolean closed;

    DeferredSubmissions(Clock clock, AkoolProperties.Retry backoff) {
        this.clock = clock;
        this.backoff = backoff;
    }

    /**
     * Puts the narration back to be handed out again after what Akool asked ({@code retryAfter}, or null for the
     * backoff), unless it was put back too often already or the reader has closed.
     *
     * @return whether it was put back
     */
    boolean defer(PendingNarration narration, Duration retryAfter) {
        int tries = deferrals.merge(narration.key(), 1, Integer::sum);
        if (tries > backoff.maxRetries()) {
            return false;
        }
        Duration wait = retryAfter != null ? retryAfter : backoff(tries);
        synchronized (this) {
            if (closed) {
                return false;
            }
            waiting.add(new Deferred(narration, clock.instant().plus(wait)));
            notifyAll();
        }
        return true;
    }

    /** The wait before try {@code tries + 1}: what the retry of a row in place would wait. */
    private Duration backoff(int tries) {
        BackOffExecution waits = backoff.backOff().start();
        long wait = 0;
        for (int i = 0; i < tries; i++) {
            long next = waits.nextBackOff();
            if (next == BackOffExecution.STOP) {
                break;
            }
            wait = next;
        }
        return Duration.ofMillis(wait);
    }

    /** A narration put back whose time has come, or null. */
    synchronized PendingNarration nextDue() {
        Deferred first = waiting.peek();
        return first != null && !first.due().isAfter(clock.instant()) ? waiting.poll().narration() : null;
    }

    /**
     * When there is nothing new to read: the next narration put back, waiting for its time; null once nothing is put
     * back (or a stop is asked for), which closes this and ends the step.
     */
    synchronized PendingNarration awaitNext(BooleanSupplier stopRequested) throws InterruptedException {
        Deferred first;
        while ((first = waiting.peek()) != null && !stopRequested.getAsBoolean()) {
            Duration wait = Duration.between(clock.instant(), first.due());
            if (wait.isNegative() || wait.isZero()) {
                return waiting.poll().narration();
            }
            wait(Math.max(1, Math.min(wait.toMillis(), LOOK_AGAIN.toMillis())));
        }
        closed = true;
        return null;
    }
}
