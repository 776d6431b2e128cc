package com.akoolnarrator.job.collect;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import com.akoolnarrator.ledger.TrackedNarration;

/**
 * When each Akool job of one collect step execution is polled next, as the {@link PollPolicy} says, learning Akool's
 * processing time from the probes and callbacks as they come: the scheduling half of {@link AudioJobTracker}, in
 * memory, made for one execution and fed from the ledger. Each poll is handed to the pollers' scheduler for the moment
 * it is due.
 * <p>
 * A job has one current poll at most: a poll that is no longer its job's current one (the job was called back, or
 * asked about at once) is dropped when due, and whoever ends a job (a poll, a callback) claims it first, so that it
 * ends once. Until the model has learnt from its probes, jobs that would be polled by prediction are parked; should
 * the first probes end without teaching it (Akool failed them, say), parked and new jobs are polled the plain way.
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
    /** Each followed job's next poll, by narration key. */
    private final Map<String, Due> current = new ConcurrentHashMap<>();
    private int started;
    private int failedProbes;
    /**
     * A second before this execution began following: a job submitted before (by a stopped or killed run) is no probe.
     * The second's margin is for the submit step, which starts beside this one, not after it.
     */
    private final Instant since;

    PollSchedule(PollPolicy policy, Clock clock, ScheduledExecutorService pollers, Consumer<Due> poll) {
        this.policy = policy;
        this.clock = clock;
        this.pollers = pollers;
        this.poll = poll;
        this.since = clock.instant().minusSeconds(1);
    }

    /**
     * A job to follow, not completed yet: awaiting Akool's callback, polled when the policy says, or parked until the
     * model knows enough.
     */
    synchronized void start(TrackedNarration narration) {
        if (policy.awaitsCallback(narration.ownWebhook())) {
            add(new Due(narration, policy.awaitingCallback(narration.submittedAt(), model.predict(narration.textLength()),
                    clock.instant())));
            return;
        }
        if (submittedEarlier(narration)) {
            // how long it has been at Akool says nothing of how long Akool takes (the gap may be the time between a
            // crash and the rerun): asked about now, it teaches the model nothing
            add(new Due(narration, policy.plain(clock.instant())));
            return;
        }
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

    /** The job's next poll; null when this execution does not follow it. */
    Due next(String key) {
        return current.get(key);
    }

    /** Whether this execution follows the job now. */
    boolean follows(String key) {
        return current.containsKey(key);
    }

    /** A poll of the job found its end: true when it is this poll's to end, false when a callback ended it first. */
    boolean claim(Due due) {
        return current.remove(due.narration().key(), due);
    }

    /**
     * Akool called back that the job is completed: no poll of it is sent any more, and the time it took teaches the
     * model. False when a poll ended the job first.
     */
    synchronized boolean calledBack(String key) {
        Due due = current.remove(key);
        if (due == null) {
            return false;
        }
        TrackedNarration narration = due.narration();
        if (!submittedEarlier(narration)) {
            model.observe(narration.textLength(), Duration.between(narration.submittedAt(), clock.instant()));
        }
        return true;
    }

    private boolean submittedEarlier(TrackedNarration narration) {
        return narration.submittedAt() != null && narration.submittedAt().isBefore(since);
    }

    /** Akool called back that the job failed: polled at once for the reason, instead of when it was due. */
    void pollNow(String key) {
        Due due = current.get(key);
        if (due != null) {
            replace(due, new Due(due.narration(), policy.now(due.poll(), clock.instant())));
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
        replace(due, new Due(due.narration(), policy.notDone(due.poll(), clock.instant())));
    }

    /** The poll failed; Akool may have said how long to wait ({@code retryAfter}, else null). */
    void afterFault(Due due, Duration retryAfter) {
        replace(due, new Due(due.narration(), policy.afterFault(due.poll(), retryAfter, clock.instant())));
    }

    private boolean withoutModel() {
        return !model.isReady() && failedProbes >= FAILED_PROBES_TO_GIVE_UP;
    }

    private Due predicted(TrackedNarration narration) {
        return new Due(narration, policy.predicted(narration.submittedAt(), model.predict(narration.textLength()),
                clock.instant()));
    }

    private void add(Due due) {
        current.put(due.narration().key(), due);
        schedule(due);
    }

    /** The job's next poll, unless the one just made is no longer its current one. */
    private void replace(Due made, Due next) {
        if (current.replace(made.narration().key(), made, next)) {
            schedule(next);
        }
    }

    private void schedule(Due due) {
        long delay = Math.max(0, Duration.between(clock.instant(), due.poll().due()).toNanos());
        try {
            pollers.schedule(() -> {
                if (current.get(due.narration().key()) == due) {
                    poll.accept(due);
                }
            }, delay, TimeUnit.NANOSECONDS);
        }
        catch (RejectedExecutionException e) {
            // the step has ended: the job stays SUBMITTED in the ledger, and the next run follows it
        }
    }

    /** A job's next poll. */
    record Due(TrackedNarration narration, PollPolicy.Poll poll) {
    }
}
