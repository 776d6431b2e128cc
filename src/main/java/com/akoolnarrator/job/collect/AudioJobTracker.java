package com.akoolnarrator.job.collect;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
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
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.akoolnarrator.akool.AkoolClient;
import com.akoolnarrator.akool.AkoolException;
import com.akoolnarrator.akool.AudioJob;
import com.akoolnarrator.job.ConsecutiveFailureGuard;
import com.akoolnarrator.job.RowFailures;
import com.akoolnarrator.ledger.AkoolJobFacts;
import com.akoolnarrator.ledger.FailureKind;
import com.akoolnarrator.ledger.LedgerReaders;
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
    private final AkoolClient akool;
    private final AkoolJobFacts facts;
    private final LedgerReaders readers;
    private final RowFailures rowFailures;
    private final PollPolicy policy;
    private final Clock clock;
    private final ExecutorService pollers;

    private final ProcessingTimeModel model = new ProcessingTimeModel();
    /** Keys of the jobs being followed (not yet completed or failed): a job tracked twice is followed once. */
    private final Set<String> following = ConcurrentHashMap.newKeySet();
    private final List<TrackedNarration> parked = new ArrayList<>();
    private final AtomicInteger tracked = new AtomicInteger();
    private final AtomicLong polls = new AtomicLong();
    private final DelayQueue<ScheduledPoll> schedule = new DelayQueue<>();
    private final LinkedBlockingQueue<TrackedNarration> ready = new LinkedBlockingQueue<>();
    private final AtomicInteger outstanding = new AtomicInteger();
    private final AtomicReference<RuntimeException> fatal = new AtomicReference<>();
    private volatile long runId = -1;
    private volatile boolean submissionEnded;
    private volatile boolean stopRequested;

    public AudioJobTracker(AkoolClient akool, AkoolJobFacts facts, LedgerReaders readers, RowFailures rowFailures,
            PollPolicy policy, Clock clock, int pollThreads) {
        this.akool = akool;
        this.facts = facts;
        this.readers = readers;
        this.rowFailures = rowFailures;
        this.policy = policy;
        this.clock = clock;
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
        List<TrackedNarration> inFlight = readers.inFlight(runId);
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
        else {
            switch (policy.start(number, model.isReady())) {
                case PROBE -> schedule.add(new ScheduledPoll(narration, policy.probe(clock.instant())));
                case PREDICTED -> schedule.add(predicted(narration));
                case PARKED -> {
                    synchronized (parked) {
                        parked.add(narration);
                    }
                }
            }
        }
    }

    private ScheduledPoll predicted(TrackedNarration narration) {
        return new ScheduledPoll(narration, policy.predicted(narration.submittedAt(), model.predict(narration.textLength()),
                clock.instant()));
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
        waiting.forEach(n -> schedule.add(new ScheduledPoll(n, policy.plain(clock.instant()))));
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
                facts.recordCompleted(narration.key(), job.url());
                if (poll.poll().probe()) {
                    boolean wasReady = model.isReady();
                    model.observe(narration.textLength(), Duration.between(narration.submittedAt(), clock.instant()));
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
            else if (policy.timedOut(narration.submittedAt(), clock.instant())) {
                failed(narration, "Akool has not finished this job after " + PollPolicy.words(policy.jobTimeout()) + " (still "
                        + (job.status() == AudioJob.QUEUEING ? "queueing" : "processing") + "): the next run checks it again",
                        FailureKind.TIMED_OUT);
            }
            else {
                schedule.add(new ScheduledPoll(narration, policy.notDone(poll.poll(), clock.instant())));
            }
        }
        catch (AkoolException.Transient e) {
            if (policy.givesUp(poll.poll())) {
                failed(narration, "could not get the job's status after " + (poll.poll().faults() + 1) + " tries: "
                        + e.getMessage());
            }
            else {
                schedule.add(new ScheduledPoll(narration, policy.afterFault(poll.poll(), clock.instant())));
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
        failed(narration, reason, null);
    }

    private void failed(TrackedNarration narration, String reason, FailureKind kind) {
        try {
            // recorded before the job stops counting as outstanding, so the results never read it unfinished
            rowFailures.rowFailed(narration.key(), ConsecutiveFailureGuard.Phase.COLLECT, reason, kind);
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

    /** A job's next poll, in the schedule: due when the policy says, by the tracker's clock. */
    private final class ScheduledPoll implements Delayed {

        private final TrackedNarration narration;
        private final PollPolicy.Poll poll;

        ScheduledPoll(TrackedNarration narration, PollPolicy.Poll poll) {
            this.narration = narration;
            this.poll = poll;
        }

        TrackedNarration narration() {
            return narration;
        }

        PollPolicy.Poll poll() {
            return poll;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(Duration.between(clock.instant(), poll.due()));
        }

        @Override
        public int compareTo(Delayed other) {
            return poll.due().compareTo(((ScheduledPoll) other).poll.due());
        }
    }
}
