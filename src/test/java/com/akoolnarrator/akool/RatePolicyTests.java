package com.akoolnarrator.akool;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class RatePolicyTests {

    private long clock;

    /** A moment one episode after the last: each signal below starts an episode of its own unless said otherwise. */
    private long later() {
        clock += RatePolicy.EPISODE_NANOS;
        return clock;
    }

    @Test
    void growsFastUntilTheFirstRateLimitSignalThenSlowly() {
        RatePolicy policy = RatePolicy.learning(10, 0.5, 50);
        for (int i = 0; i < 10; i++) {
            policy.accepted(true);
        }
        assertThat(policy.rate()).isEqualTo(10 + 10 * RatePolicy.SLOW_START_GAIN, org.assertj.core.data.Offset.offset(1e-9));

        double objectedAt = policy.rate();
        policy.rejected(policy.sent(), later());
        double afterCut = policy.rate();
        policy.accepted(true);

        assertThat(policy.rate() - afterCut).as("back quickly towards where Akool objected")
            .isEqualTo(RatePolicy.RECOVERY_GAIN, org.assertj.core.data.Offset.offset(1e-9));
        while (policy.rate() < objectedAt * RatePolicy.PLATEAU_FROM) {
            policy.accepted(true);
        }
        double nearIt = policy.rate();
        policy.accepted(true);
        assertThat(policy.rate() - nearIt).as("then creeping up to it")
            .isEqualTo(RatePolicy.PLATEAU_GAIN, org.assertj.core.data.Offset.offset(1e-9));
        while (policy.rate() < objectedAt) {
            policy.accepted(true);
        }
        double beyond = policy.rate();
        policy.accepted(true);
        assertThat(policy.rate() - beyond).as("and beyond it, probing")
            .isEqualTo(RatePolicy.STEADY_GAIN, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void growsOnlyUnderDemand() {
        RatePolicy policy = RatePolicy.learning(10, 0.5, 50);
        for (int i = 0; i < 1000; i++) {
            policy.accepted(false);
        }
        assertThat(policy.rate()).isEqualTo(10);
    }

    @Test
    void neverAboveTheCeilingNorBelowTheFloor() {
        RatePolicy policy = RatePolicy.learning(10, 2, 50);
        for (int i = 0; i < 10_000; i++) {
            policy.accepted(true);
        }
        assertThat(policy.rate()).isEqualTo(50);
        for (int i = 0; i < 100; i++) {
            policy.rejected(policy.sent(), later());
        }
        assertThat(policy.rate()).isEqualTo(2);
    }

    @Test
    void manyThreadsHittingOneEpisodeCutOnce() throws Exception {
        RatePolicy policy = RatePolicy.learning(40, 0.5, 50);
        List<Long> tickets = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            tickets.add(policy.sent()); // one round of requests in flight
        }
        ExecutorService threads = Executors.newFixedThreadPool(16);
        List<Future<Boolean>> cuts = new ArrayList<>();
        for (long ticket : tickets) {
            cuts.add(threads.submit(() -> policy.rejected(ticket, 0)));
        }
        long cut = 0;
        for (Future<Boolean> c : cuts) {
            cut += c.get(10, TimeUnit.SECONDS) ? 1 : 0;
        }
        threads.shutdown();

        assertThat(cut).isEqualTo(1);
        assertThat(policy.rate()).isEqualTo(40 * RatePolicy.CUT);
        long next = policy.sent();
        assertThat(policy.rejected(next, RatePolicy.EPISODE_NANOS / 2)).as("within the episode's second").isFalse();
        assertThat(policy.rejected(next, RatePolicy.EPISODE_NANOS)).as("a request of the next round").isTrue();
    }

    @Test
    void aGivenRateIsTheCeilingIsHalvedOnASignalAndRecoversWithoutDemand() {
        RatePolicy policy = RatePolicy.given(20, 0.5);
        policy.accepted(true);
        assertThat(policy.rate()).isEqualTo(20);

        policy.rejected(policy.sent(), later());
        assertThat(policy.rate()).isEqualTo(10);
        for (int i = 0; i < 100; i++) {
            policy.accepted(false);
        }

        assertThat(policy.rate()).isEqualTo(20);
        policy.resumeAt(5);
        assertThat(policy.rate()).as("a given rate is not replaced by a learnt one").isEqualTo(20);
        assertThat(policy.isGiven()).isTrue();
    }

    @Test
    void theRateToRememberIsALittleUnderWhereAkoolObjectedAndTheNextRunStartsThereSlowly() {
        RatePolicy policy = RatePolicy.learning(10, 0.5, 50);
        assertThat(policy.settled()).as("never objected: the rate reached").isEqualTo(10);
        for (int i = 0; i < 30; i++) {
            policy.accepted(true);
        }
        double objectedAt = policy.rate();
        policy.rejected(policy.sent(), later());

        assertThat(policy.settled()).isEqualTo(objectedAt * RatePolicy.SETTLED_SHARE, org.assertj.core.data.Offset.offset(1e-9));

        RatePolicy next = RatePolicy.learning(10, 0.5, 50);
        next.resumeAt(policy.settled());
        next.accepted(true);
        assertThat(next.rate()).as("no slow start")
            .isEqualTo(policy.settled() + RatePolicy.STEADY_GAIN, org.assertj.core.data.Offset.offset(1e-9));
    }
}
