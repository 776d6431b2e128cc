package com.akoolnarrator.job;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.akoolnarrator.akool.AkoolClient;
import com.akoolnarrator.akool.AkoolException;
import com.akoolnarrator.akool.AudioJob;
import com.akoolnarrator.ledger.NarrationLedger;
import com.akoolnarrator.ledger.TrackedNarration;

/**
 * Follows the Akool jobs of a run until each is completed or failed, and hands completed ones, as soon as they are,
 * to the collect step's reader ({@link #next()}), so that downloads overlap submissions.
 * <p>
 * Polls are scheduled, not looped: each job is polled when it may be done, then with growing intervals, and never more
 * often than {@code narrator.poll-min-interval}; a small pool sends the polls, all through the shared request throttle.
 * Every outcome is committed to the ledger first, which stays the source of truth on restart.
 */
public class AudioJobTracker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AudioJobTracker.class);
    private static final Duration IDLE_CHECK = Duration.ofMillis(200);
    private static final int MAX_POLL_FAULTS = 30;
    /** The first jobs of a run, and one in {@link #PROBE_EVERY} after, are polled closely to teach the model. */
    private static final int PROBES = 4;
    private static final int PROBE_EVERY = 50;
    /** A probe is polled closely this many times at most; a job Akool never finishes must not eat the budget. */
    private static final int PROBE_POLLS = 40;
    /** How much later than predicted the first poll of an ordinary job is sent: one poll, not two, per job. */
    private static final double PREDICTION_MARGIN = 0.15;

    private final AkoolClient akool;
    private final NarrationLedger ledger;
    private final RowFailures rowFailures;
    private final Duration minInterval;
    private final Duration maxInterval;
    private final ExecutorService pollers;

    private final ProcessingTimeModel model = new ProcessingTimeModel();
    /** Keys of the jobs being followed (not yet completed or failed): a job tracked twice is followed once. */
    private final Set<String> following = ConcurrentHashMap.newKeySet();
    private final List<TrackedNarration> parked = new java.util.ArrayList<>();
    private final AtomicInteger tracked = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicLong polls = new java.util.concurrent.atomic.AtomicLong();
    private final DelayQueue<ScheduledPoll> schedule = new DelayQueue<>();
    private final LinkedBlockingQueue<TrackedNarration> ready = new LinkedBlockingQueue<>();
    private final AtomicInteger outstanding = new AtomicInteger();
    private final AtomicReference<RuntimeException> fatal = new AtomicReference<>();
    private volatile long runId = -1;
    private volatile boolean submissionEnded;
    private volatile boolean stopRequested;

    public AudioJobTracker(AkoolClient akool, NarrationLedger ledger, RowFailures rowFailures, Duration minInterval,
            Duration maxInterval, int pollThreads) {
        this.akool = akool;
        this.ledger = ledger;
        this.rowFailures = rowFailures;
        this.minInterval = minInterval;
        this.maxInterval = maxInterval.compareTo(minInterval) < 0 ? minInterval : maxInterval;
        this.pollers = Executors.newFixedThreadPool(Math.max(1, pollThreads), runnable -> {
            Thread thread = new Thread(runnable, "akool-poll");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** A job execution starts: forget everything of the previous one. */
    public synchronized void startRun(long runId) {
        this.runId = runId;
        following.clear();
        schedule.clear();
        ready.clear();
        outstanding.set(0);
        tracked.set(0);
        polls.set(0);
        synchronized (parked) {
            parked.clear();
        }
        fatal.set(null);
        submissionEnded = false;
        stopRequested = false;
    }

    /** The collect step starts: pick up what the ledger says is in flight (after a crash or a stop, say). */
    public void resumeFromLedger() {
        List<TrackedNarration> inFlight = ledger.inFlight(runId);
        if (!inFlight.isEmpty()) {
            log.info("Following {} Akool jobs submitted earlier", inFlight.size());
        }
        inFlight.forEach(this::track);
    }

    /** A narration was accepted by Akool (or found in flight): follow it until it is done. */
    public void track(TrackedNarration narration) {
        if (!following.add(narration.key())) {
            return;
        }
        outstanding.incrementAndGet();
        int number = tracked.incrementAndGet();
        if (narration.isCompleted()) {
            completed(narration);
        }
        else if (number <= PROBES || number % PROBE_EVERY == 0) {
            schedule.add(ScheduledPoll.probe(narration, minInterval));
        }
        else if (model.isReady()) {
            schedule.add(predicted(narration));
        }
        else {
            synchronized (parked) {
                parked.add(narration);
            }
        }
    }

    /** First poll when the model says the job should be done, with a margin, never sooner than the minimum interval. */
    private ScheduledPoll predicted(TrackedNarration narration) {
        Duration expected = model.predict(narration.textLength());
        Duration margin = Duration.ofNanos((long) (expected.toNanos() * PREDICTION_MARGIN)).plus(minInterval.dividedBy(2));
        java.time.Instant due = narration.submittedAt().plus(expected).plus(margin);
        Duration wait = Duration.between(java.time.Instant.now(), due);
        Duration retryInterval = max(minInterval, Duration.ofNanos(expected.toNanos() / 4));
        return ScheduledPoll.at(narration, max(minInterval, wait), retryInterval);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** The model learnt from its first probes: schedule the jobs that waited for it. */
    private void releaseParked() {
        List<TrackedNarration> waiting;
        synchronized (parked) {
            if (parked.isEmpty()) {
                return;
            }
            waiting = List.copyOf(parked);
            parked.clear();
        }
        waiting.forEach(n -> schedule.add(predicted(n)));
    }

    public void trackAll(List<? extends TrackedNarration> narrations) {
        narrations.forEach(this::track);
    }

    /** Stop waiting: {@link #next()} returns null; what is in flight stays SUBMITTED in the ledger for the next run. */
    public void requestStop() {
        stopRequested = true;
    }

    /**
     * The submit step ended (in any state): nothing new will be tracked in this execution. The submit step runs in
     * every execution, restarts included, so this always comes.
     */
    public void submissionEnded() {
        submissionEnded = true;
    }

    /**
     * The next narration whose audio is ready to download, waiting for one as long as any is in flight; null when every
     * tracked job is done and nothing more will be submitted.
     */
    public TrackedNarration next() throws InterruptedException {
        while (true) {
            RuntimeException failure = fatal.get();
            if (failure != null) {
                throw failure;
            }
            TrackedNarration completed = ready.poll();
            if (completed != null) {
                return completed;
            }
            if (stopRequested || outstanding.get() == 0 && submissionEnded) {
                return ready.poll();
            }
            if (!model.isReady() && schedule.isEmpty()) {
                releaseParkedWithoutModel();
            }
            dispatchDuePolls();
            ScheduledPoll head = schedule.peek();
            long waitNanos = head == null ? IDLE_CHECK.toNanos()
                    : Math.max(100_000, Math.min(IDLE_CHECK.toNanos(), head.getDelay(TimeUnit.NANOSECONDS)));
            completed = ready.poll(waitNanos, TimeUnit.NANOSECONDS);
            if (completed != null) {
                return completed;
            }
        }
    }

    /** Every probe ended without teaching the model (they failed, say): poll the parked jobs the plain way. */
    private void releaseParkedWithoutModel() {
        List<TrackedNarration> waiting;
        synchronized (parked) {
            waiting = List.copyOf(parked);
            parked.clear();
        }
        waiting.forEach(n -> schedule.add(ScheduledPoll.at(n, minInterval, minInterval)));
    }

    /** Akool jobs followed now (tracked and not yet completed or failed): what the tracker holds in memory. */
    public int following() {
        return following.size();
    }

    /** Akool jobs followed in this execution. */
    public int followed() {
        return tracked.get();
    }

    /** Status calls sent in this run. */
    public long polls() {
        return polls.get();
    }

    private void dispatchDuePolls() {
        ScheduledPoll due;
        while ((due = schedule.poll()) != null) {
            ScheduledPoll poll = due;
            pollers.execute(() -> poll(poll));
        }
    }

    private void poll(ScheduledPoll poll) {
        try {
            pollOnce(poll);
        }
        catch (RuntimeException e) {
            fatal.compareAndSet(null, e);
        }
    }

    private void pollOnce(ScheduledPoll poll) {
        TrackedNarration narration = poll.narration();
        try {
            polls.incrementAndGet();
            AudioJob job = akool.audioInfo(narration.akoolId());
            if (job.isCompleted()) {
                ledger.recordCompleted(narration.key(), job.url());
                if (poll.probe()) {
                    boolean wasReady = model.isReady();
                    model.observe(narration.textLength(), Duration.between(narration.submittedAt(), java.time.Instant.now()));
                    if (!wasReady && model.isReady()) {
                        releaseParked();
                    }
                }
                completed(narration.completed(job.url()));
            }
            else if (job.isFailed()) {
                failed(narration, "Akool failed the job (status 4)" + (job.detail() == null || job.detail().isBlank()
                        || job.detail().equals("OK") ? "" : ": " + job.detail()));
            }
            else {
                schedule.add(poll.later(maxInterval));
            }
        }
        catch (AkoolException.Transient e) {
            if (poll.faults() + 1 >= MAX_POLL_FAULTS) {
                failed(narration, "could not get the job's status after " + MAX_POLL_FAULTS + " tries: " + e.getMessage());
            }
            else {
                schedule.add(poll.afterFault(maxInterval));
            }
        }
        catch (AkoolException.RowRejected e) {
            failed(narration, "Akool no longer knows job " + narration.akoolId() + ": " + e.getMessage());
        }
    }

    private void completed(TrackedNarration narration) {
        ready.add(narration);
        following.remove(narration.key());
        outstanding.decrementAndGet();
    }

    private void failed(TrackedNarration narration, String reason) {
        try {
            // recorded before the job stops counting as outstanding, so the results never read it unfinished
            rowFailures.rowFailed(narration.key(), ConsecutiveFailureGuard.Phase.COLLECT, reason);
        }
        finally {
            following.remove(narration.key());
            outstanding.decrementAndGet();
        }
    }

    @Override
    public void close() {
        pollers.shutdownNow();
    }

    /**
     * One job's next poll: due at a time, with the interval to the poll after it (which grows, except for probes) and
     * the transient faults seen so far.
     */
    private record ScheduledPoll(TrackedNarration narration, Duration interval, int faults, boolean probe, int polls,
            long dueNanos) implements Delayed {

        static ScheduledPoll probe(TrackedNarration narration, Duration interval) {
            return new ScheduledPoll(narration, interval, 0, true, 0, System.nanoTime() + interval.toNanos());
        }

        static ScheduledPoll at(TrackedNarration narration, Duration wait, Duration interval) {
            return new ScheduledPoll(narration, interval, 0, false, 0, System.nanoTime() + wait.toNanos());
        }

        ScheduledPoll later(Duration max) {
            Duration next = probe && polls < PROBE_POLLS ? interval : grow(max);
            return new ScheduledPoll(narration, next, faults, probe, polls + 1, System.nanoTime() + interval.toNanos());
        }

        ScheduledPoll afterFault(Duration max) {
            Duration next = grow(max);
            return new ScheduledPoll(narration, next, faults + 1, probe, polls + 1, System.nanoTime() + next.toNanos());
        }

        private Duration grow(Duration max) {
            Duration next = Duration.ofNanos((long) (interval.toNanos() * 1.5));
            return next.compareTo(max) > 0 ? max : next;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(dueNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(dueNanos, ((ScheduledPoll) other).dueNanos);
        }
    }
}
