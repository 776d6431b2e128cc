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
import com.akoolnarrator.ledger.NarrationState;
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

    private final AkoolClient akool;
    private final NarrationLedger ledger;
    private final ConsecutiveFailureGuard guard;
    private final Duration minInterval;
    private final Duration maxInterval;
    private final ExecutorService pollers;

    private final Set<String> known = ConcurrentHashMap.newKeySet();
    private final DelayQueue<ScheduledPoll> schedule = new DelayQueue<>();
    private final LinkedBlockingQueue<TrackedNarration> ready = new LinkedBlockingQueue<>();
    private final AtomicInteger outstanding = new AtomicInteger();
    private final AtomicReference<RuntimeException> fatal = new AtomicReference<>();
    private volatile long runId = -1;
    private volatile boolean submissionEnded;
    private volatile boolean stopRequested;

    public AudioJobTracker(AkoolClient akool, NarrationLedger ledger, ConsecutiveFailureGuard guard, Duration minInterval,
            Duration maxInterval, int pollThreads) {
        this.akool = akool;
        this.ledger = ledger;
        this.guard = guard;
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
        known.clear();
        schedule.clear();
        ready.clear();
        outstanding.set(0);
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
        if (!known.add(narration.key())) {
            return;
        }
        outstanding.incrementAndGet();
        if (narration.isCompleted()) {
            completed(narration);
        }
        else {
            schedule.add(new ScheduledPoll(narration, minInterval, 0));
        }
    }

    public void trackAll(List<? extends TrackedNarration> narrations) {
        narrations.forEach(this::track);
    }

    /** Stop waiting: {@link #next()} returns null; what is in flight stays SUBMITTED in the ledger for the next run. */
    public void requestStop() {
        stopRequested = true;
    }

    /** The submit step ended (in any state): nothing new will be tracked in this execution. */
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
            if (stopRequested || outstanding.get() == 0 && allSubmitted()) {
                return ready.poll();
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

    private boolean allSubmitted() {
        return submissionEnded || ledger.count(runId, NarrationState.PENDING, NarrationState.SUBMITTED) == 0;
    }

    /** Jobs followed and not yet completed or failed. */
    public int outstanding() {
        return outstanding.get() - ready.size();
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
            AudioJob job = akool.audioInfo(narration.akoolId());
            if (job.isCompleted()) {
                ledger.recordCompleted(narration.key(), job.url());
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
        outstanding.decrementAndGet();
    }

    private void failed(TrackedNarration narration, String reason) {
        ledger.recordFailed(narration.key(), reason);
        outstanding.decrementAndGet();
        guard.failure(reason);
    }

    @Override
    public void close() {
        pollers.shutdownNow();
    }

    /** One job's next poll: due at a time, with the interval to grow from and the transient faults seen so far. */
    private record ScheduledPoll(TrackedNarration narration, Duration interval, int faults, long dueNanos) implements Delayed {

        ScheduledPoll(TrackedNarration narration, Duration interval, int faults) {
            this(narration, interval, faults, System.nanoTime() + interval.toNanos());
        }

        ScheduledPoll later(Duration max) {
            return new ScheduledPoll(narration, grow(max), faults);
        }

        ScheduledPoll afterFault(Duration max) {
            return new ScheduledPoll(narration, grow(max), faults + 1);
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
