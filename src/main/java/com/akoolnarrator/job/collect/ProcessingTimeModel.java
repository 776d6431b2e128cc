package com.akoolnarrator.job.collect;

import java.time.Duration;

/**
 * Learns how long Akool takes for a text of a given length, {@code seconds = base + perChar * length}, by least
 * squares over the jobs this run followed closely ("probes", polled at the minimum interval so that their completion
 * is known to within one interval). Until enough probes finished it knows nothing, and the tracker waits rather than
 * spend requests on guesses.
 */
class ProcessingTimeModel {

    private static final int MIN_SAMPLES = 3;

    private long samples;
    private double sumLength;
    private double sumSeconds;
    private double sumLengthSquared;
    private double sumLengthSeconds;

    /** A probe finished: it took at most {@code elapsed} for {@code length} characters. */
    public synchronized void observe(int length, Duration elapsed) {
        double seconds = elapsed.toNanos() / 1e9;
        samples++;
        sumLength += length;
        sumSeconds += seconds;
        sumLengthSquared += (double) length * length;
        sumLengthSeconds += length * seconds;
    }

    public synchronized boolean isReady() {
        return samples >= MIN_SAMPLES;
    }

    /** Expected processing time of a text; zero while the model is not ready. */
    public synchronized Duration predict(int length) {
        if (!isReady()) {
            return Duration.ZERO;
        }
        double meanLength = sumLength / samples;
        double meanSeconds = sumSeconds / samples;
        double variance = sumLengthSquared / samples - meanLength * meanLength;
        double perChar = variance < 1 ? 0 : (sumLengthSeconds / samples - meanLength * meanSeconds) / variance;
        perChar = Math.max(0, perChar);
        double base = meanSeconds - perChar * meanLength;
        double seconds = Math.max(0, base + perChar * length);
        if (base < 0) {
            seconds = perChar * length;
        }
        return Duration.ofNanos((long) (seconds * 1e9));
    }
}
