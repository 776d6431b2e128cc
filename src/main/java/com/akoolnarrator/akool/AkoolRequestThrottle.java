package com.akoolnarrator.akool;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.google.common.util.concurrent.RateLimiter;

/**
 * The one request budget shared by every Akool API call (downloads come from a CDN and do not count).
 * <p>
 * It is the single place that knows about Akool's rate-limit signals: on 1005 or HTTP 429 the rate is halved and every
 * caller pauses for at least the server's {@code Retry-After}; each success then gives back a little of the configured
 * rate (additive increase, multiplicative decrease), so the job settles just under whatever Akool tolerates. A server
 * error that says when to come back ({@code Retry-After} on a 503) pauses every caller too, but is no reason to slow down
 * afterwards.
 */
public class AkoolRequestThrottle {

    private static final double UNLIMITED = 1_000_000;

    private final RateLimiter limiter;
    private final double maxRate;
    private final double minRate;
    private final AtomicLong pausedUntilNanos = new AtomicLong(System.nanoTime());
    private final AtomicLong slowDowns = new AtomicLong();

    public AkoolRequestThrottle(double requestsPerSecond, double minRequestsPerSecond) {
        this.maxRate = requestsPerSecond > 0 ? requestsPerSecond : UNLIMITED;
        this.minRate = Math.min(this.maxRate, Math.max(0.01, minRequestsPerSecond));
        this.limiter = RateLimiter.create(this.maxRate);
    }

    /** Blocks until the next request may be sent. */
    public void acquire() {
        long waitNanos = pausedUntilNanos.get() - System.nanoTime();
        if (waitNanos > 0) {
            sleepNanos(waitNanos);
        }
        limiter.acquire();
    }

    /** Akool said "too frequent": halve the rate and pause everyone for {@code retryAfter} (or one request slot). */
    public synchronized void slowDown(Duration retryAfter) {
        slowDowns.incrementAndGet();
        double rate = Math.max(minRate, limiter.getRate() / 2);
        limiter.setRate(rate);
        pause(retryAfter != null ? retryAfter : Duration.ofNanos((long) (1_000_000_000L / rate)));
    }

    /** Akool asked for a break ({@code Retry-After} on a server error): nobody sends anything until it is over. */
    public void pause(Duration pause) {
        long until = System.nanoTime() + pause.toNanos();
        pausedUntilNanos.accumulateAndGet(until, Math::max);
    }

    /** A request went through: recover a little of the configured rate. */
    public void onSuccess() {
        double rate = limiter.getRate();
        if (rate < maxRate) {
            synchronized (this) {
                limiter.setRate(Math.min(maxRate, limiter.getRate() + maxRate * 0.02));
            }
        }
    }

    public double currentRate() {
        return limiter.getRate();
    }

    public long slowDowns() {
        return slowDowns.get();
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
