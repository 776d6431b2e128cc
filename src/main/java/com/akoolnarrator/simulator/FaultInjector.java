package com.akoolnarrator.simulator;

import java.util.SplittableRandom;

/**
 * The weather of the simulated service: a seeded random draw per fault (rates from {@link SimulatorSettings}, read at
 * each request, so a test can change them while a job runs) and the account's rate limit, a token bucket.
 */
final class FaultInjector {

    private final SimulatorSettings settings;
    private final ThreadLocal<SplittableRandom> random;
    private final Object rateLock = new Object();
    private double rateTokens;
    private long rateRefilledAt = System.nanoTime();
    private final long startedAt = System.nanoTime();

    FaultInjector(SimulatorSettings settings) {
        this.settings = settings;
        // split streams, not Random(seed), Random(seed + 1)...: the first draws of neighbouring seeds are nearly equal,
        // so every new server thread would fault, or not, together at the start of a run
        SplittableRandom seeds = new SplittableRandom(settings.getSeed());
        this.random = ThreadLocal.withInitial(() -> {
            synchronized (seeds) {
                return seeds.split();
            }
        });
    }

    /** Whether a fault happening at {@code rate} (0 to 1) happens this time. */
    boolean chance(double rate) {
        return rate > 0 && random.get().nextDouble() < rate;
    }

    /** A draw from 0 (inclusive) to 1. */
    double uniform() {
        return random.get().nextDouble();
    }

    <T> T pick(T[] choices) {
        return choices[random.get().nextInt(choices.length)];
    }

    long nextLong() {
        return random.get().nextLong();
    }

    /** Whether the account may make one more request now ({@code requests-per-second}; 0 is no limit). */
    boolean takeRateToken() {
        boolean changed = settings.getRequestsPerSecondLater() >= 0
                && System.nanoTime() - startedAt >= settings.getLimitChangesAfter().toNanos();
        double limit = changed ? settings.getRequestsPerSecondLater() : settings.getRequestsPerSecond();
        if (limit <= 0) {
            return true;
        }
        synchronized (rateLock) {
            long now = System.nanoTime();
            rateTokens = Math.min(limit, rateTokens + (now - rateRefilledAt) / 1e9 * limit);
            rateRefilledAt = now;
            if (rateTokens >= 1) {
                rateTokens -= 1;
                return true;
            }
            return false;
        }
    }
}
