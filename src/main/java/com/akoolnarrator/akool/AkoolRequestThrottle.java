package com.akoolnarrator.akool;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.common.util.concurrent.RateLimiter;

/**
 * The one request budget shared by every Akool API call (downloads come from a CDN and do not count), at the rate its
 * {@link RatePolicy} says: fixed when the user gave one, learnt from Akool's answers otherwise.
 * <p>
 * Follow-ups of jobs Akool has accepted (status calls) go before new work (creates and clones): a new request is sent
 * only when no follow-up is waiting for the budget, so that when the budget is what limits the run, rows already paid
 * for finish first and the jobs at Akool stay as many as the budget can follow.
 * <p>
 * It is the single place that knows about Akool's rate-limit signals: on 1005 or HTTP 429 above the noise Akool sends
 * whatever the rate, every caller pauses for at least the server's {@code Retry-After} and the policy cuts the rate once
 * per episode; within the noise only the refused request waits, which its caller sees in the exception. A server error
 * that says when to come back ({@code Retry-After} on a 503) pauses every caller only when several answers in a row
 * failed: one such answer among successes is one busy server, not Akool asking everyone to wait.
 * <p>
 * A stop ({@link #stop()}) ends every wait at once: no request is sent after it.
 */
public class AkoolRequestThrottle {

    private static final Logger log = LoggerFactory.getLogger(AkoolRequestThrottle.class);

    private static final double UNLIMITED = 1_000_000;
    private static final Duration LONGEST_PAUSE = Duration.ofDays(1);
    /** Work counts as waiting for the budget if a caller had to wait within this long. */
    private static final long DEMAND_WINDOW_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** How often new work looks again for a free slot while follow-ups have the budget. */
    private static final long NEW_WORK_LOOK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    /** How often a caller waiting for a pause or a slot looks whether the run is stopping. */
    private static final long LOOK_AGAIN_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    /** Server errors in a row after which a {@code Retry-After} pauses everyone. */
    static final int FAILURES_TO_PAUSE_ALL = 3;

    /** Which requests go first when the budget is short. */
    public enum Priority {
        /** A status call (or a balance, voice list, token): about work Akool has, or that the run needs to go on. */
        FOLLOW_UP,
        /** A create or clone: new work, paid for. */
        NEW_WORK
    }

    private final RatePolicy policy;
    private final RateLimiter limiter;
    private final AtomicLong pausedUntilNanos = new AtomicLong(System.nanoTime());
    private final AtomicLong lastWaitNanos = new AtomicLong(System.nanoTime() - DEMAND_WINDOW_NANOS);
    private final AtomicLong slowDowns = new AtomicLong();
    private final AcceptedRequests accepted = new AcceptedRequests();
    private final AtomicInteger followUpsWaiting = new AtomicInteger();
    private final AtomicInteger failuresInARow = new AtomicInteger();
    private volatile boolean stopped;
    private volatile double highestRate;

    public AkoolRequestThrottle(RatePolicy policy) {
        this.policy = policy;
        this.limiter = RateLimiter.create(limit(policy.rate()));
        this.highestRate = policy.rate();
    }

    /** A budget of {@code requestsPerSecond} given by the user (0: unlimited), never cut below the minimum. */
    public AkoolRequestThrottle(double requestsPerSecond, double minRequestsPerSecond) {
        this(RatePolicy.given(requestsPerSecond > 0 ? requestsPerSecond : UNLIMITED, minRequestsPerSecond));
    }

    /** Carries on from a rate an earlier run learnt. */
    public void resumeAt(double learnt) {
        policy.resumeAt(learnt);
        apply();
    }

    /** {@link #acquire(Priority)} for a follow-up. */
    public long acquire() {
        return acquire(Priority.FOLLOW_UP);
    }

    /**
     * Blocks until the next request of this priority may be sent; returns the request's ticket, for {@link #slowDown}.
     *
     * @throws RequestsStopped once the run is stopping: nothing more may be sent
     */
    public long acquire(Priority priority) {
        napUntil(pausedUntilNanos::get); // a pause Akool asked for, which a later answer may extend
        if (priority == Priority.FOLLOW_UP) {
            followUpsWaiting.incrementAndGet();
            try {
                awaitSlot(false);
            }
            finally {
                followUpsWaiting.decrementAndGet();
            }
        }
        else {
            awaitSlot(true);
        }
        return policy.sent();
    }

    /** The run is stopping: every caller waiting for the budget, and every later one, gets {@link RequestsStopped}. */
    public void stop() {
        stopped = true;
    }

    /** Waits what Akool asked of one refused request before it is sent again, or until the run stops. */
    public void waitAsAsked(Duration retryAfter) {
        long until = System.nanoTime() + capped(retryAfter).toNanos();
        napUntil(() -> until);
    }

    /** Sleeps in short naps until {@code untilNanos} ({@link System#nanoTime()}), which may move, or the run stops. */
    private void napUntil(LongSupplier untilNanos) {
        long left;
        while (!stopped && (left = untilNanos.getAsLong() - System.nanoTime()) > 0) {
            sleepNanos(Math.min(left, LOOK_AGAIN_NANOS));
        }
    }

    /** At most a day: AkoolClient refuses waits beyond akool.max-retry-after, and nanoTime must not overflow. */
    private static Duration capped(Duration wait) {
        return wait.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : wait;
    }

    /** A new run begins in this process: requests may be sent again. */
    public void resume() {
        stopped = false;
    }

    /** Takes the next slot of the budget, looking again now and then whether the run is stopping. */
    private void awaitSlot(boolean afterFollowUps) {
        ensureNotStopped();
        if ((!afterFollowUps || followUpsWaiting.get() == 0) && limiter.tryAcquire()) {
            return;
        }
        lastWaitNanos.set(System.nanoTime());
        while (afterFollowUps && followUpsWaiting.get() > 0
                || !limiter.tryAcquire(afterFollowUps ? NEW_WORK_LOOK_NANOS : LOOK_AGAIN_NANOS, TimeUnit.NANOSECONDS)) {
            ensureNotStopped();
            sleepNanos(NEW_WORK_LOOK_NANOS);
            lastWaitNanos.set(System.nanoTime());
        }
        ensureNotStopped();
    }

    private void ensureNotStopped() {
        if (stopped) {
            throw new RequestsStopped();
        }
    }

    /**
     * Akool said "too frequent" to the request with this ticket: unless the refusal is within the noise, pause everyone
     * for {@code retryAfter} (or one request slot), and let the policy cut the rate once for the episode.
     */
    public void slowDown(Duration retryAfter, long ticket) {
        slowDowns.incrementAndGet();
        double before = policy.rate();
        RatePolicy.Refusal refusal = policy.rejected(ticket, System.nanoTime(), accepted.perSecond());
        if (log.isDebugEnabled() && policy.rate() != before) {
            log.debug(String.format(Locale.ROOT, "Akool refused a request as too frequent: budget %.1f -> %.1f requests/s (%s)",
                    before, policy.rate(), policy.evidence()));
        }
        apply();
        if (refusal == RatePolicy.Refusal.LIMIT) {
            pause(retryAfter != null ? retryAfter : Duration.ofNanos((long) (1_000_000_000L / limiter.getRate())));
        }
    }

    /**
     * Akool's server failed a request (5xx, 2001, a dropped connection), asking for {@code retryAfter} or not: after
     * several in a row, a {@code Retry-After} is a break for everyone.
     */
    public void serverFailed(Duration retryAfter) {
        if (failuresInARow.incrementAndGet() >= FAILURES_TO_PAUSE_ALL && retryAfter != null) {
            pause(retryAfter);
        }
    }

    /** Nobody sends anything until the pause is over. */
    private void pause(Duration pause) {
        long until = System.nanoTime() + capped(pause).toNanos();
        pausedUntilNanos.accumulateAndGet(until, Math::max);
    }

    /** How long the pause Akool asked for still lasts; zero when there is none. */
    public Duration pausedFor() {
        return Duration.ofNanos(Math.max(0, pausedUntilNanos.get() - System.nanoTime()));
    }

    /** The request with this ticket went through. */
    public void onSuccess(long ticket) {
        failuresInARow.set(0);
        accepted.add(System.nanoTime());
        policy.accepted(ticket, System.nanoTime() - lastWaitNanos.get() < DEMAND_WINDOW_NANOS);
        apply();
    }

    public double currentRate() {
        return limiter.getRate();
    }

    /** The highest rate the budget reached in this run. */
    public double highestRate() {
        return highestRate;
    }

    /** Whether the rate is learnt (no rate given by the user): then the run remembers it for the next. */
    public boolean isLearning() {
        return !policy.isGiven();
    }

    /** The rate the next run should start from. */
    public double settledRate() {
        return policy.settled();
    }

    /** The budget in words, for the summary: how high it went and whether it was learnt or given. */
    public String describe() {
        if (!isLearning()) {
            return policy.ceiling() >= UNLIMITED ? "request budget: unlimited, as given"
                    : String.format(Locale.ROOT, "request budget: %.1f requests/s, as given", policy.ceiling());
        }
        return String.format(Locale.ROOT, "request budget: up to %.1f requests/s, learnt from Akool's answers (the next run"
                + " starts at %.1f)", highestRate, settledRate());
    }

    public long slowDowns() {
        return slowDowns.get();
    }

    private void apply() {
        double rate = policy.rate();
        if (Math.abs(limiter.getRate() - rate) > 1e-9) {
            limiter.setRate(limit(rate));
        }
        if (rate > highestRate) {
            highestRate = rate;
        }
    }

    private static double limit(double rate) {
        return rate > 0 ? rate : UNLIMITED;
    }

    /** Requests Akool accepted in the last second, counted in tenths of a second. */
    private static final class AcceptedRequests {

        private static final long SLOT_NANOS = 100_000_000L;
        private final long[] counts = new long[10];
        private final long[] slots = new long[10];

        synchronized void add(long nowNanos) {
            long slot = nowNanos / SLOT_NANOS;
            int i = (int) (slot % counts.length);
            if (slots[i] != slot) {
                slots[i] = slot;
                counts[i] = 0;
            }
            counts[i]++;
        }

        synchronized double perSecond() {
            long current = System.nanoTime() / SLOT_NANOS;
            long total = 0;
            for (int i = 0; i < counts.length; i++) {
                if (current - slots[i] < counts.length) {
                    total += counts[i];
                }
            }
            return total;
        }
    }

    private static void sleepNanos(long nanos) {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Akool's rate limit", e);
        }
    }
}
