package com.akoolnarrator.job.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.akoolnarrator.job.collect.PollPolicy.Poll;
import com.akoolnarrator.job.collect.PollPolicy.Start;

class PollPolicyTests {

    private static final Duration MIN = Duration.ofMillis(500);
    private static final Duration MAX = Duration.ofSeconds(10);
    private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");

    private final PollPolicy policy = new PollPolicy(MIN, MAX, Duration.ofHours(1));

    @Test
    void theFirstJobsAndOneInFiftyAreProbesTheOthersWaitForTheModel() {
        assertThat(policy.start(1, false)).isEqualTo(Start.PROBE);
        assertThat(policy.start(4, true)).isEqualTo(Start.PROBE);
        assertThat(policy.start(5, false)).isEqualTo(Start.PARKED);
        assertThat(policy.start(5, true)).isEqualTo(Start.PREDICTED);
        assertThat(policy.start(50, true)).isEqualTo(Start.PROBE);
        assertThat(policy.start(51, true)).isEqualTo(Start.PREDICTED);
    }

    @Test
    void withCallbacksAJobIsPolledOnlyAGraceAfterItShouldBeDoneAndARowsOwnWebhookIsPolledAsBefore() {
        PollPolicy calledBack = new PollPolicy(MIN, MAX, Duration.ofHours(1), Duration.ofSeconds(5));

        assertThat(calledBack.awaitsCallback(false)).isTrue();
        assertThat(calledBack.awaitsCallback(true)).as("Akool calls the row's own webhook, not the job").isFalse();
        assertThat(policy.awaitsCallback(false)).as("no callbacks configured").isFalse();
        Poll known = calledBack.awaitingCallback(T0, Duration.ofSeconds(10), T0);
        assertThat(known.due()).as("10 s + 15 % + 5 s of grace").isEqualTo(T0.plusMillis(16_500));
        assertThat(known.probe()).isFalse();
        assertThat(calledBack.awaitingCallback(T0, Duration.ZERO, T0).due()).as("nothing learnt yet: the grace alone")
            .isEqualTo(T0.plusSeconds(5));
        assertThat(calledBack.awaitingCallback(T0, Duration.ZERO, T0.plusSeconds(30)).due())
            .as("taken over late: never sooner than the minimum").isEqualTo(T0.plusSeconds(30).plus(MIN));
    }

    @Test
    void aProbeIsPolledEveryMinimumIntervalFortyTimesThenBacksOff() {
        Poll poll = policy.probe(T0);
        assertThat(poll.due()).isEqualTo(T0.plus(MIN));
        Instant now = T0;
        for (int i = 0; i < PollPolicy.PROBE_POLLS; i++) {
            now = poll.due();
            poll = policy.notDone(poll, now);
            assertThat(Duration.between(now, poll.due())).isEqualTo(MIN);
        }
        now = poll.due();
        Poll slower = policy.notDone(policy.notDone(poll, now), now);
        assertThat(slower.interval()).isGreaterThan(MIN);
    }

    @Test
    void anOrdinaryJobIsFirstPolledJustAfterItsPredictedEndAndThenAtGrowingIntervalsUpToTheMaximum() {
        Instant submitted = T0;
        Duration expected = Duration.ofSeconds(20);

        Poll first = policy.predicted(submitted, expected, T0.plusSeconds(1));

        // 20 s + 15 % + half the minimum interval after submission
        assertThat(first.due()).isEqualTo(T0.plusSeconds(23).plus(MIN.dividedBy(2)));
        assertThat(first.interval()).isEqualTo(Duration.ofSeconds(5));
        Poll poll = first;
        for (int i = 0; i < 10; i++) {
            poll = policy.notDone(poll, poll.due());
        }
        assertThat(poll.interval()).isEqualTo(MAX);
    }

    @Test
    void aJobWhosePredictedEndHasPassedIsPolledAfterTheMinimumIntervalNotAtOnce() {
        Poll late = policy.predicted(T0, Duration.ofSeconds(1), T0.plusSeconds(60));

        assertThat(late.due()).isEqualTo(T0.plusSeconds(60).plus(MIN));
    }

    @Test
    void failedPollsBackOffAndTheJobIsGivenUpAfterThirtyInARow() {
        Poll poll = policy.plain(T0);
        int faults = 0;
        while (!policy.givesUp(poll)) {
            poll = policy.afterFault(poll, null, poll.due());
            faults++;
            assertThat(poll.interval()).isLessThanOrEqualTo(MAX);
        }
        assertThat(faults + 1).isEqualTo(PollPolicy.MAX_POLL_FAULTS);
    }

    @Test
    void aRefusedPollIsSentAgainNoSoonerThanAkoolAsked() {
        Poll poll = policy.plain(T0);

        Poll asked = policy.afterFault(poll, Duration.ofSeconds(7), T0);
        Poll shorter = policy.afterFault(poll, Duration.ofMillis(1), T0);

        assertThat(asked.due()).isEqualTo(T0.plusSeconds(7));
        assertThat(asked.interval()).as("the backoff grows as for any fault").isEqualTo(shorter.interval());
        assertThat(shorter.due()).isEqualTo(T0.plus(shorter.interval()));
    }

    @Test
    void aMaximumBelowTheMinimumIsRaisedToIt() {
        PollPolicy narrow = new PollPolicy(Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofHours(1));

        Poll poll = narrow.notDone(narrow.plain(T0), T0);

        assertThat(narrow.notDone(poll, T0).interval()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aJobUnfinishedAfterTheTimeoutIsGivenUpAnd() {
        PollPolicy policy = new PollPolicy(MIN, MAX, Duration.ofHours(1));

        assertThat(policy.timedOut(T0, T0.plus(Duration.ofMinutes(59)))).isFalse();
        assertThat(policy.timedOut(T0, T0.plus(Duration.ofHours(1)))).isTrue();
    }
}
