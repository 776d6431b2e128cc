package com.akoolnarrator.job.collect;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import com.akoolnarrator.ledger.TrackedNarration;

/**
 * When each Akool job of one collect step execution is polled next, as the {@link PollPolicy} says, learning Akool's
 * processing time from the probes as they finish: the scheduling half of {@link AudioJobTracker}, in memory, made for
 * one execution and fed from the ledger. Each poll is handed to the pollers' scheduler for the moment it is due.
 * <p>
 * Until the model has learnt from its probes, jobs that would be polled by prediction are parked; should the first
 * probes end without teaching it (Akool failed them, say), parked and new jobs are polled the plain way instead.
 */
final class PollSchedule {

    /** Probes that must fail, none having taught the model, before the schedule stops waiting for it. */
    private static final int FAILED_PROBES_TO_GIVE_UP = 2;

    private final PollPolicy policy;
    private final Clock clock;
    private final ScheduledExecutorService pollers;
    private final Consumer<Due> poll;
    private final ProcessingTimeModel model = new ProcessingTimeModel();
    private final List<TrackedNarration> parked = new ArrayList<>();
    private int started;
    private int failedProbes;

    PollSchedule(PollPolicy policy, Clock clock, ScheduledExecutorService pollers, Consumer<Due> poll) {
        this.policy = policy;
        this.clock = clock;
        this.pollers = pollers;
        this.poll = poll;
    }

    /** A job to follow, not completed yet: polled when the policy says, or parked until the model knows enough. */
    synchronized void start(TrackedNarration narration) {
        switch (policy.start(++started, model.isReady())) {
            case PROBE -> add(new Due(narration, policy.probe(clock.instant())));
            case PREDICTED -> add(predicted(narration));
            case PARKED -> {
                if (withoutModel()) {
                    add(new Due(narration, policy.plain(clock.instant())));
                }
                else {
                    parked.add(narration);
                }
            }
        }
    }

    /** The job failed or was given up: it is polled no more; a failed probe may end the wait for the model. */
    synchronized void ended(Due due) {
        if (due.poll().probe() && ++failedProbes >= FAILED_PROBES_TO_GIVE_UP && withoutModel()) {
            parked.forEach(n -> add(new Due(n, policy.plain(clock.instant()))));
            parked.clear();
        }
    }

    /** The job was done when polled: a probe teaches the model, which may release the parked jobs. */
    synchronized void completed(Due due) {
        if (!due.poll().probe()) {
            return;
        }
        boolean wasReady = model.isReady();
        TrackedNarration narration = due.narration();
        model.observe(narration.textLength(), Duration.between(narration.submittedAt(), clock.instant()));
        if (!wasReady && model.isReady()) {
            parked.forEach(n -> add(predicted(n)));
            parked.clear();
        }
    }

    void notDone(Due due) {
        add(new Due(due.narration(), policy.notDone(due.poll(), clock.instant())));
    }

    /** The poll failed; Akool may have said how long to wait ({@code retryAfter}, else null). */
    void afterFault(Due due, Duration retryAfter) {
        add(new Due(due.narration(), policy.afterFault(due.poll(), retryAfter, clock.instant())));
    }

    private boolean withoutModel() {
        return !model.isReady() && failedProbes >= FAILED_PROBES_TO_GIVE_UP;
    }

    private Due predicted(TrackedNarration narration) {
        return new Due(narration, policy.predicted(narration.submittedAt(), model.predict(narration.textLength()),
                clock.instant()));
    }

    private void add(Due due) {
        long delay = Math.max(0, Duration.between(clock.instant(), due.poll().due()).toNanos());
        try {
            pollers.schedule(() -> poll.accept(due), delay, TimeUnit.NANOSECONDS);
        }
        catch (RejectedExecutionException e) {
            // the step has ended: the job stays SUBMITTED in the ledger, and the next run follows it
        }
    }

    /** A job's next poll. */
    record Due(TrackedNarration narration, PollPolicy.Poll poll) {
    }
}
