package com.akoolnarrator.job.collect;

import java.time.Duration;
import java.time.Instant;

/**
 * When to ask Akool about a job. Pure: every decision takes the time it is made, so tests run it on a clock of their
 * own.
 * <p>
 * The first jobs of a run, and one in {@link #PROBE_EVERY} after, are probes: polled every minimum interval so that
 * their completion time teaches the {@link ProcessingTimeModel}. Every other job is polled first when the model says it
 * should be done, with a margin, so that it is polled about once; before the model knows anything such a job is
 * parked. A job not done when polled is polled again at growing intervals, up to the maximum; so is one whose poll
 * failed, and after {@link #MAX_POLL_FAULTS} failed polls in a row the job is given up. A job Akool has not finished
 * within the job timeout is given up too (the next run polls it again), so that a stuck job never keeps a run alive.
 * <p>
 * A job Akool calls back about is neither a probe nor parked: it is polled only should its callback not have come a
 * grace period after the job should be done (by what the model knows then), the safety net under callbacks.
 */
final class PollPolicy {

    static final int PROBES = 4;
    static final int PROBE_EVERY = 50;
    /** A probe is polled closely this many times at most; a job Akool never finishes must not eat the budget. */
    static final int PROBE_POLLS = 40;
    /** How much later than predicted the first poll of an ordinary job is sent: one poll, not two, per job. */
    static final double PREDICTION_MARGIN = 0.15;
    static final int MAX_POLL_FAULTS = 30;
    private static final double GROWTH = 1.5;

    /** How the first poll of a job is scheduled. */
    public enum Start { PROBE, PREDICTED, PARKED }

    private final Duration minInterval;
    private final Duration maxInterval;
    private final Duration jobTimeout;
    private final Duration callbackGrace;

    /** @param jobTimeout how long after its submission a job still unfinished is given up for this run */
    public PollPolicy(Duration minInterval, Duration maxInterval, Duration jobTimeout) {
        this(minInterval, maxInterval, jobTimeout, null);
    }

    /** @param callbackGrace how long a callback may be late before its job is polled; null when Akool calls no one back */
    public PollPolicy(Duration minInterval, Duration maxInterval, Duration jobTimeout, Duration callbackGrace) {
        this.minInterval = minInterval;
        this.maxInterval = maxInterval.compareTo(minInterval) < 0 ? minInterval : maxInterval;
        this.jobTimeout = jobTimeout;
        this.callbackGrace = callbackGrace;
    }

    /** Whether Akool calls this run back about a job; not about one whose row has a webhook of its own. */
    public boolean awaitsCallback(boolean ownWebhook) {
        return callbackGrace != null && !ownWebhook;
    }

    public Duration jobTimeout() {
        return jobTimeout;
    }

    /** Whether a job submitted then, and not finished now, is given up for this run. */
    public boolean timedOut(Instant submittedAt, Instant now) {
        return submittedAt != null && Duration.between(submittedAt, now).compareTo(jobTimeout) >= 0;
    }

    /** How the {@code number}th job tracked in a run starts. */
    public Start start(int number, boolean modelReady) {
        if (number <= PROBES || number % PROBE_EVERY == 0) {
            return Start.PROBE;
        }
        return modelReady ? Start.PREDICTED : Start.PARKED;
    }

    /**
     * The safety poll of a job Akool should call back about: the grace after it should be done ({@code expected} after
     * it was submitted, zero while nothing is known), never sooner than the minimum.
     */
    public Poll awaitingCallback(Instant submittedAt, Duration expected, Instant now) {
        Duration margin = Duration.ofNanos((long) (expected.toNanos() * PREDICTION_MARGIN)).plus(callbackGrace);
        Duration wait = Duration.between(now, submittedAt.plus(expected).plus(margin));
        return new Poll(now.plus(max(minInterval, wait)), max(minInterval, expected.dividedBy(4)), 0, false, 0);
    }

    /** A poll at once: Akool said the job failed, and the reason is in its status. */
    public Poll now(Poll poll, Instant now) {
        return new Poll(now, poll.interval(), poll.faults(), false, poll.polls());
    }

    public Poll probe(Instant now) {
        return new Poll(now.plus(minInterval), minInterval, 0, true, 0);
    }

    /** First poll when the job should be done ({@code expected} after it was submitted), never sooner than the minimum. */
    public Poll predicted(Instant submittedAt, Duration expected, Instant now) {
        Duration margin = Duration.ofNanos((long) (expected.toNanos() * PREDICTION_MARGIN)).plus(minInterval.dividedBy(2));
        Duration wait = Duration.between(now, submittedAt.plus(expected).plus(margin));
        return new Poll(now.plus(max(minInterval, wait)), max(minInterval, expected.dividedBy(4)), 0, false, 0);
    }

    /** A parked job when no probe taught the model anything (they failed, say): polled the plain way. */
    public Poll plain(Instant now) {
        return new Poll(now.plus(minInterval), minInterval, 0, false, 0);
    }

    /** The job was not done yet. */
    public Poll notDone(Poll poll, Instant now) {
        Duration next = poll.probe() && poll.polls() < PROBE_POLLS ? poll.interval() : grow(poll.interval());
        return new Poll(now.plus(poll.interval()), next, poll.faults(), poll.probe(), poll.polls() + 1);
    }

    /** The poll failed (a network fault, say); polled again no sooner than Akool asked ({@code retryAfter}, or null). */
    public Poll afterFault(Poll poll, Duration retryAfter, Instant now) {
        Duration next = grow(poll.interval());
        Duration wait = retryAfter == null ? next : max(next, retryAfter);
        return new Poll(now.plus(wait), next, poll.faults() + 1, poll.probe(), poll.polls() + 1);
    }

    /** Whether the job is given up after this failed poll. */
    public boolean givesUp(Poll poll) {
        return poll.faults() + 1 >= MAX_POLL_FAULTS;
    }

    private Duration grow(Duration interval) {
        Duration next = Duration.ofNanos((long) (interval.toNanos() * GROWTH));
        return next.compareTo(maxInterval) > 0 ? maxInterval : next;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /**
     * A job's next poll.
     *
     * @param interval the wait before the poll after this one
     * @param faults   failed polls in a row so far
     * @param polls    polls so far
     */
    public record Poll(Instant due, Duration interval, int faults, boolean probe, int polls) {
    }
}
