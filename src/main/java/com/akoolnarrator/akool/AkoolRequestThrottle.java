package com.akoolnarrator.akool;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.google.common.util.concurrent.RateLimiter;

/**
 * The one request budget shared by every Akool API call (downloads come from a CDN and do not count), at the rate its
 * {@link RatePolicy} says: fixed when the user gave one, learnt from Akool's answers otherwise.
 * <p>
 * It is the single place that knows about Akool's rate-limit signals: on 1005 or HTTP 429 every caller pauses for at
 * least the server's {@code Retry-After}, and the policy cuts the rate once per episode. A server error that says when
 * to come back ({@code Retry-After} on a 503) pauses every caller too, but is no reason to slow down afterwards.
 */
public class AkoolRequestThrottle {

    private static final double UNLIMITED = 1_000_000;
    private static final Duration LONGEST_PAUSE = Duration.ofDays(1);
    /** Work counts as waiting for the budget if a caller had to wait within this long. */
    private static final long DEMAND_WINDOW_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final RatePolicy policy;
    private final RateLimiter limiter;
    private final AtomicLong pausedUntilNanos = new AtomicLong(System.nanoTime());
    private final AtomicLong lastWaitNanos = new AtomicLong(System.nanoTime() - DEMAND_WINDOW_NANOS);
    private final AtomicLong slowDowns = new AtomicLong();
    private final AcceptedRequests accepted = new AcceptedRequests();
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

    /** Blocks until the next request may be sent; returns the request's ticket, for {@link #slowDown}. */
    public long acquire() {
        long waitNanos = pausedUntilNanos.get() - System.nanoTime();
        if (waitNanos > 0) {
            sleepNanos(waitNanos);
        }
        if (limiter.acquire() > 0) {
            lastWaitNanos.set(System.nanoTime());
        }
        return policy.sent();
    }

    /**
     * Akool said "too frequent" to the request with this ticket: pause everyone for {@code retryAfter} (or one request
     * slot), and let the policy cut the rate once for the episode.
     */
    public void slowDown(Duration retryAfter, long ticket) {
        slowDowns.incrementAndGet();
        if (policy.rejected(ticket, System.nanoTime(), accepted.perSecond())) {
            apply();
        }
        pause(retryAfter != null ? retryAfter : Duration.ofNanos((long) (1_000_000_000L / limiter.getRate())));
    }

    /** Akool asked for a break ({@code Retry-After} on a server error): nobody sends anything until it is over. */
    public void pause(Duration pause) {
        // at most a day: AkoolClient refuses waits beyond akool.max-retry-after, and nanoTime must not overflow
        long until = System.nanoTime() + (pause.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause).toNanos();
        pausedUntilNanos.accumulateAndGet(until, Math::max);
    }

    /** How long the pause Akool asked for still lasts; zero when there is none. */
    public Duration pausedFor() {
        return Duration.ofNanos(Math.max(0, pausedUntilNanos.get() - System.nanoTime()));
    }

    /** A request went through. */
    public void onSuccess() {
        accepted.add(System.nanoTime());
        policy.accepted(System.nanoTime() - lastWaitNanos.get() < DEMAND_WINDOW_NANOS);
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
