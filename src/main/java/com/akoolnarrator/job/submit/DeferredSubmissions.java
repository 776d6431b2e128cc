package com.akoolnarrator.job.submit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

import com.akoolnarrator.ledger.PendingNarration;

/**
 * Narrations whose request Akool refused asking to be sent again later ({@code Retry-After}), put back for the submit
 * step's reader to hand out again once that time has come, instead of their processor waiting: the chunk they were in
 * ends without them, so that one refused request does not hold up the requests of its whole chunk. Each narration is
 * put back {@code maxDeferrals} times at most; after that its processor waits and retries as for any fault.
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
    private final int maxDeferrals;
    private boolean closed;

    DeferredSubmissions(Clock clock, int maxDeferrals) {
        this.clock = clock;
        this.maxDeferrals = maxDeferrals;
    }

    /**
     * Puts the narration back to be handed out again after {@code wait}, unless it was put back too often already.
     *
     * @return whether it was put back
     */
    boolean defer(PendingNarration narration, Duration wait) {
        if (deferrals.merge(narration.key(), 1, Integer::sum) > maxDeferrals) {
            return false;
        }
        synchronized (this) {
            if (closed) {
                return false;
            }
            waiting.add(new Deferred(narration, clock.instant().plus(wait)));
            notifyAll();
        }
        return true;
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
