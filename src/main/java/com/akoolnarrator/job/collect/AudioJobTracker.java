package com.akoolnarrator.job.collect;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import com.akoolnarrator.akool.AkoolClient;
import com.akoolnarrator.akool.AkoolException;
import com.akoolnarrator.akool.AudioJob;
import com.akoolnarrator.akool.RequestsStopped;
import com.akoolnarrator.job.ConsecutiveFailureGuard;
import com.akoolnarrator.job.Durations;
import com.akoolnarrator.job.RowFailures;
import com.akoolnarrator.job.RunFacts;
import com.akoolnarrator.ledger.AkoolJobFacts;
import com.akoolnarrator.ledger.FailureKind;
import com.akoolnarrator.ledger.LedgerReaders;
import com.akoolnarrator.ledger.TrackedNarration;

/**
 * The collect step's reader, made for one step execution: takes over from the ledger the run's Akool jobs it does not
 * follow yet (those the submit step has just recorded as accepted, and on a restart those an earlier execution left),
 * follows each until it is completed or failed, and hands completed ones, as soon as they are, to the step, so that
 * downloads overlap submissions. It ends when the submit step of this execution has ended and every job it took over
 * is done, or at once when a stop is asked for (what is in flight stays SUBMITTED in the ledger for the next run).
 * <p>
 * Polls are scheduled ({@link PollSchedule}), not looped: a small pool of its own sends each when it is due, all
 * through the shared request throttle. Every outcome is committed to the ledger first, which stays the source of
 * truth. It holds only the jobs in flight: a finished job is forgotten.
 */
class AudioJobTracker implements ItemStreamReader<TrackedNarration> {

    private static final Logger log = LoggerFactory.getLogger(AudioJobTracker.class);
    /** How often the ledger is asked for newly accepted jobs, at most: a take-over is a query. */
    private static final Duration TAKE_OVER_INTERVAL = Duration.ofMillis(100);

    /** Where the tracker stands in its run. */
    record Run(long runId, long follower, BooleanSupplier submissionEnded, BooleanSupplier stopRequested) {
    }

    private final AkoolClient akool;
    private final AkoolJobFacts facts;
    private final LedgerReaders readers;
    private final RowFailures rowFailures;
    private final PollPolicy policy;
    private PollSchedule schedule;
    private final Clock clock;
    private final Run run;
    private final int pollThreads;

    private final LinkedBlockingQueue<TrackedNarration> ready = new LinkedBlockingQueue<>();
    private final AtomicInteger outstanding = new AtomicInteger();
    private final AtomicLong followed = new AtomicLong();
    private final AtomicLong polls = new AtomicLong();
    private final AtomicLong callbacks = new AtomicLong();
    private final AtomicReference<RuntimeException> fatal = new AtomicReference<>();
    private ScheduledExecutorService pollers;
    private ExecutionContext counts;
    private Instant lastTakeOver = Instant.MIN;

    AudioJobTracker(AkoolClient akool, AkoolJobFacts facts, LedgerReaders readers, RowFailures rowFailures,
            PollPolicy policy, Clock clock, Run run, int pollThreads) {
        this.akool = akool;
        this.facts = facts;
        this.readers = readers;
        this.rowFailures = rowFailures;
        this.policy = policy;
        this.clock = clock;
        this.run = run;
        this.pollThreads = Math.max(1, pollThreads);
    }

    @Override
    public void open(ExecutionContext executionContext) {
        counts = executionContext;
        pollers = Executors.newScheduledThreadPool(pollThreads, runnable -> {
            Thread thread = new Thread(runnable, "akool-poll");
            thread.setDaemon(true);
            return thread;
        });
        schedule = new PollSchedule(policy, clock, pollers, this::poll);
        List<TrackedNarration> earlier = takeOver();
        if (!earlier.isEmpty()) {
            log.info("Following {} Akool jobs already accepted", earlier.size());
        }
    }

    /**
     * The next narration whose audio is ready to download, waiting for one as long as any is in flight or may still be
     * submitted; null when there is nothing more to follow.
     */
    @Override
    public TrackedNarration read() throws InterruptedException {
        while (true) {
            RuntimeException failure = fatal.get();
            if (failure != null) {
                throw failure;
            }
            TrackedNarration completed = ready.poll();
            if (completed != null) {
                return completed;
            }
            if (run.stopRequested().getAsBoolean()) {
                return ready.poll();
            }
            boolean took = !takeOverIfDue().isEmpty();
            if (!took && outstanding.get() == 0 && run.submissionEnded().getAsBoolean() && takeOver().isEmpty()) {
                return ready.poll();
            }
            completed = ready.poll(TAKE_OVER_INTERVAL.toNanos(), TimeUnit.NANOSECONDS);
            if (completed != null) {
                return completed;
            }
        }
    }

    @Override
    public void update(ExecutionContext executionContext) {
        executionContext.putLong(RunFacts.STATUS_CALLS, polls.get());
        executionContext.putLong(RunFacts.JOBS_FOLLOWED, followed.get());
        executionContext.putLong(RunFacts.CALLBACKS, callbacks.get());
    }

    /** What this execution sent and followed, in its step's context: also when the step failed. */
    @Override
    public void close() {
        if (pollers != null) {
            pollers.shutdownNow();
        }
        if (counts != null) {
            update(counts);
        }
    }

    private List<TrackedNarration> takeOverIfDue() {
        return Duration.between(lastTakeOver, clock.instant()).compareTo(TAKE_OVER_INTERVAL) < 0 ? List.of() : takeOver();
    }

    /**
     * The run's jobs the ledger says this execution does not follow: new ones, and those Akool called back about since
     * (the receiver hands a job back through the ledger), which end, or are asked about at once, here.
     */
    private List<TrackedNarration> takeOver() {
        lastTakeOver = clock.instant();
        List<TrackedNarration> jobs = readers.takeOverJobs(run.runId(), run.follower());
        for (TrackedNarration job : jobs) {
            if (schedule.follows(job.key())) {
                calledBack(job);
                continue;
            }
            outstanding.incrementAndGet();
            followed.incrementAndGet();
            if (job.isCompleted()) {
                completed(job);
            }
            else {
                schedule.start(job);
            }
        }
        return jobs;
    }

    private void calledBack(TrackedNarration job) {
        if (!job.isCompleted()) {
            schedule.pollNow(job.key()); // it failed at Akool: its status says why
        }
        else {
            if (schedule.calledBack(job.key())) {
                callbacks.incrementAndGet();
            }
            else {
                // a poll claimed it meanwhile; it finds the callback's record first and leaves the job to this hand-off
                outstanding.incrementAndGet();
            }
            completed(job);
        }
    }

    private void poll(PollSchedule.Due due) {
        try {
            pollOnce(due);
        }
        catch (RuntimeException e) {
            fatal.compareAndSet(null, e);
        }
    }

    private void pollOnce(PollSchedule.Due due) {
        TrackedNarration narration = due.narration();
        try {
            polls.incrementAndGet();
            AudioJob job = akool.audioInfo(narration.akoolId());
            if (job.isCompleted()) {
                if (!schedule.claim(due)) {
                    return; // called back meanwhile
                }
                if (facts.recordPolledCompleted(narration.key(), job.url())) {
                    schedule.completed(due);
                    completed(narration.completed(job.url()));
                }
                else {
                    outstanding.decrementAndGet(); // a callback recorded it first: the take-over hands it on
                }
            }
            else if (job.isFailed()) {
                failed(due, "Akool failed the job (status 4)" + (job.detail() == null || job.detail().isBlank()
                        || job.detail().equals("OK") ? "" : ": " + job.detail()), null);
            }
            else if (policy.timedOut(narration.submittedAt(), clock.instant())) {
                failed(due, "Akool has not finished this job after " + Durations.words(policy.jobTimeout())
                        + " (still " + (job.status() == AudioJob.QUEUEING ? "queueing" : "processing")
                        + "): the next run checks it again", FailureKind.TIMED_OUT);
            }
            else {
                schedule.notDone(due);
            }
        }
        catch (AkoolException.Transient e) {
            if (policy.givesUp(due.poll())) {
                failed(due, "could not get the job's status after " + (due.poll().faults() + 1) + " tries: "
                        + e.getMessage(), null);
            }
            else {
                schedule.afterFault(due, e.retryAfter());
            }
        }
        catch (RequestsStopped stopping) {
            // not sent: the job stays SUBMITTED in the ledger, and the next run follows it
        }
        catch (AkoolException.RowRejected e) {
            failed(due, "Akool no longer knows job " + narration.akoolId() + ": " + e.getMessage(), null);
        }
    }

    private void completed(TrackedNarration narration) {
        ready.add(narration);
        outstanding.decrementAndGet();
    }

    /** The job is given up: polled no more, and FAILED with its reason. */
    private void failed(PollSchedule.Due due, String reason, FailureKind kind) {
        if (!schedule.claim(due)) {
            return; // called back, or asked about again, meanwhile
        }
        schedule.ended(due);
        TrackedNarration narration = due.narration();
        try {
            // recorded before the job stops counting as outstanding, so the results never read it unfinished
            rowFailures.rowFailed(narration.key(), ConsecutiveFailureGuard.Phase.COLLECT, reason, kind);
        }
        finally {
            outstanding.decrementAndGet();
        }
    }
}
