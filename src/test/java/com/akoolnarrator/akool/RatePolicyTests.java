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
        for (int i = 0; i < 40; i++) {
            policy.accepted(policy.sent(), true);
        }
        assertThat(policy.rate()).isEqualTo(10 + 40 * RatePolicy.SLOW_START_GAIN, org.assertj.core.data.Offset.offset(1e-9));

        double objectedAt = policy.rate();
        policy.rejected(policy.sent(), later(), Double.NaN);
        double afterCut = policy.rate();
        policy.accepted(policy.sent(), true);

        assertThat(policy.rate() - afterCut).as("back quickly towards where Akool objected")
            .isEqualTo(RatePolicy.RECOVERY_GAIN, org.assertj.core.data.Offset.offset(1e-9));
        while (policy.rate() < objectedAt * RatePolicy.PLATEAU_FROM) {
            policy.accepted(policy.sent(), true);
        }
        double nearIt = policy.rate();
        policy.accepted(policy.sent(), true);
        assertThat(policy.rate() - nearIt).as("then creeping up to it")
            .isEqualTo(RatePolicy.PLATEAU_GAIN, org.assertj.core.data.Offset.offset(1e-9));
        while (policy.rate() < objectedAt) {
            policy.accepted(policy.sent(), true);
        }
        double beyond = policy.rate();
        policy.accepted(policy.sent(), true);
        assertThat(policy.rate() - beyond).as("and beyond it, probing")
            .isEqualTo(RatePolicy.STEADY_GAIN, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void growsOnlyUnderDemand() {
        RatePolicy policy = RatePolicy.learning(10, 0.5, 50);
        for (int i = 0; i < 1000; i++) {
            policy.accepted(policy.sent(), false);
        }
        assertThat(policy.rate()).isEqualTo(10);
    }

    @Test
    void neverAboveTheCeilingNorBelowTheFloor() {
        RatePolicy policy = RatePolicy.learning(10, 2, 50);
        for (int i = 0; i < 10_000; i++) {
            policy.accepted(policy.sent(), true);
        }
        assertThat(policy.rate()).isEqualTo(50);
        for (int i = 0; i < 1000; i++) {
            policy.rejected(policy.sent(), later(), Double.NaN);
        }
        assertThat(policy.rate()).isEqualTo(2);
    }

    @Test
    void manyThreadsHittingOneEpisodeCutOnce() throws Exception {
        RatePolicy policy = RatePolicy.learning(10, 0.5, 40);
        for (int i = 0; i < 200; i++) {
            policy.accepted(policy.sent(), true); // up to 40 requests/s, none refused on the way
        }
        List<Long> tickets = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            tickets.add(policy.sent()); // one round of requests in flight
        }
        ExecutorService threads = Executors.newFixedThreadPool(16);
        List<Future<RatePolicy.Refusal>> refusals = new ArrayList<>();
        for (long ticket : tickets) {
            refusals.add(threads.submit(() -> policy.rejected(ticket, 0, Double.NaN)));
        }
        for (Future<RatePolicy.Refusal> refusal : refusals) {
            assertThat(refusal.get(10, TimeUnit.SECONDS)).as("everyone pauses").isEqualTo(RatePolicy.Refusal.LIMIT);
        }
        threads.shutdown();

        assertThat(policy.rate()).as("cut once").isEqualTo(40 * RatePolicy.CUT);
        for (int i = 0; i < 10; i++) {
            policy.rejected(policy.sent(), RatePolicy.EPISODE_NANOS / 2, Double.NaN);
        }
        assertThat(policy.rate()).as("within the episode's second").isEqualTo(40 * RatePolicy.CUT);
        policy.rejected(policy.sent(), RatePolicy.EPISODE_NANOS, Double.NaN);
        assertThat(policy.rate()).as("a request of the next round cuts again")
            .isEqualTo(40 * RatePolicy.CUT * RatePolicy.CUT);
    }

    @Test
    void aGivenRateIsTheCeilingIsHalvedOnASignalAndRecoversWithoutDemand() {
        RatePolicy policy = RatePolicy.given(20, 0.5);
        policy.accepted(policy.sent(), true);
        assertThat(policy.rate()).isEqualTo(20);

        policy.rejected(policy.sent(), later(), Double.NaN);
        assertThat(policy.rate()).isEqualTo(10);
        for (int i = 0; i < 100; i++) {
            policy.accepted(policy.sent(), false);
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
            policy.accepted(policy.sent(), true);
        }
        double objectedAt = policy.rate();
        policy.rejected(policy.sent(), later(), Double.NaN);

        assertThat(policy.settled()).isEqualTo(objectedAt * RatePolicy.SETTLED_SHARE, org.assertj.core.data.Offset.offset(1e-9));

        RatePolicy next = RatePolicy.learning(10, 0.5, 50);
        next.resumeAt(policy.settled());
        next.accepted(next.sent(), true);
        assertThat(next.rate()).as("no slow start")
            .isEqualTo(policy.settled() + RatePolicy.STEADY_GAIN, org.assertj.core.data.Offset.offset(1e-9));
    }

    /** Refusals at 10 % of requests at any rate (a busy gateway), and no limit: the rate stays near the ceiling. */
    @Test
    void refusalsThatDoNotFallWhenTheRateFallsDoNotSinkIt() {
        Account account = new Account(0, 0.10);
        RatePolicy policy = RatePolicy.learning(10, 0.5, 50);

        account.measure(policy, 30, 120);

        assertThat(account.acceptedPerSecond()).as("accepted, of the 45/s the ceiling allows").isGreaterThan(50 * 0.9 * 0.8);
        assertThat(account.refusedShare()).isBetween(0.07, 0.13);
    }

    @Test
    void aRealLimitStillCutsItAndFewRequestsAreRefused() {
        Account account = new Account(20, 0);
        RatePolicy policy = RatePolicy.learning(10, 0.5, 50);

        account.measure(policy, 60, 120);

        assertThat(policy.rate()).isBetween(14.0, 24.0);
        assertThat(account.acceptedPerSecond()).isGreaterThan(20 * 0.9);
        assertThat(account.refusedShare()).isLessThan(0.03);
        assertThat(policy.noise()).as("no noise was ever shown").isZero();
    }

    @Test
    void aRealLimitUnderNoiseIsFoundAbovetheNoise() {
        Account account = new Account(20, 0.05);
        RatePolicy policy = RatePolicy.learning(10, 0.5, 50);

        account.measure(policy, 60, 120);

        assertThat(account.acceptedPerSecond()).as("accepted, of the 20/s the account allows")
            .isGreaterThan(20 * 0.8);
        assertThat(policy.rate()).isBetween(14.0, 26.0);
    }

    @Test
    void aLimitThatDropsMidRunIsFollowed() {
        Account account = new Account(20, 0.05);
        RatePolicy policy = RatePolicy.learning(10, 0.5, 50);
        account.run(policy, 60);

        account.limit = 5;
        account.measure(policy, 30, 60);

        assertThat(policy.rate()).isBetween(3.0, 7.5);
        assertThat(account.refusedShare()).isLessThan(0.2);
    }

    /**
     * A simulated Akool account on a simulated clock: a token bucket of {@code limit} requests a second (0: none) and
     * refusals at {@code noise} of requests whatever the rate; the policy sends as fast as it allows, and every request
     * is answered at once.
     */
    private static final class Account {

        double limit;
        final double noise;
        final java.util.Random random = new java.util.Random(42);
        final java.util.ArrayDeque<Long> acceptedTimes = new java.util.ArrayDeque<>();
        long nanos;
        double tokens;
        long accepted;
        long refused;
        long countedFrom;

        Account(double limit, double noise) {
            this.limit = limit;
            this.noise = noise;
        }

        void run(RatePolicy policy, int seconds) {
            long end = nanos + seconds * 1_000_000_000L;
            while (nanos < end) {
                long step = (long) (1e9 / policy.rate());
                nanos += step;
                tokens = Math.min(limit, tokens + step / 1e9 * limit);
                long ticket = policy.sent();
                boolean limited = limit > 0 && tokens < 1;
                if (!limited && limit > 0) {
                    tokens -= 1;
                }
                while (!acceptedTimes.isEmpty() && acceptedTimes.peekFirst() < nanos - 1_000_000_000L) {
                    acceptedTimes.pollFirst();
                }
                if (limited || random.nextDouble() < noise) {
                    refused++;
                    policy.rejected(ticket, nanos, acceptedTimes.size());
                }
                else {
                    accepted++;
                    acceptedTimes.addLast(nanos);
                    policy.accepted(ticket, true);
                }
            }
        }

        /** Runs {@code warmUp} seconds unmeasured, then {@code seconds} whose answers the counts below are of. */
        void measure(RatePolicy policy, int warmUp, int seconds) {
            run(policy, warmUp);
            accepted = 0;
            refused = 0;
            countedFrom = nanos;
            run(policy, seconds);
        }

        double refusedShare() {
            return refused / (double) (accepted + refused);
        }

        double acceptedPerSecond() {
            return accepted / ((nanos - countedFrom) / 1e9);
        }
    }
}
