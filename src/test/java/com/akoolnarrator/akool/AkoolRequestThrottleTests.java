package com.akoolnarrator.akool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AkoolRequestThrottleTests {

    private final ExecutorService callers = Executors.newCachedThreadPool();

    @AfterEach
    void stopCallers() {
        callers.shutdownNow();
    }

    @Test
    void aFollowUpGoesBeforeNewWorkWaitingForTheBudget() throws Exception {
        AkoolRequestThrottle throttle = new AkoolRequestThrottle(5, 1);
        throttle.acquire(AkoolRequestThrottle.Priority.NEW_WORK); // the budget is spent for the next 200 ms
        List<String> order = new CopyOnWriteArrayList<>();
        CountDownLatch newWorkWaiting = new CountDownLatch(4);
        for (int i = 0; i < 4; i++) {
            callers.submit(() -> {
                newWorkWaiting.countDown();
                for (int n = 0; n < 3; n++) {
                    throttle.acquire(AkoolRequestThrottle.Priority.NEW_WORK);
                    order.add("create");
                }
                return null;
            });
        }
        assertThat(newWorkWaiting.await(10, TimeUnit.SECONDS)).isTrue();
        Future<?> followUp = callers.submit(() -> {
            throttle.acquire(AkoolRequestThrottle.Priority.FOLLOW_UP);
            order.add("status");
        });
        followUp.get(10, TimeUnit.SECONDS);

        assertThat(order.indexOf("status")).as("at most the one create that had its slot already goes first: " + order)
            .isLessThanOrEqualTo(1);
    }

    @Test
    void aStopEndsEveryWaitAndNothingIsSentAfterIt() throws Exception {
        AkoolRequestThrottle throttle = new AkoolRequestThrottle(0.5, 0.5);
        throttle.acquire(); // the next slot is two seconds away
        Future<?> waiting = callers.submit(() -> throttle.acquire(AkoolRequestThrottle.Priority.NEW_WORK));

        throttle.stop();

        assertThatThrownBy(() -> waiting.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(RequestsStopped.class);
        assertThatThrownBy(throttle::acquire).isInstanceOf(RequestsStopped.class);
        throttle.resume();
        assertThat(callers.submit(() -> throttle.acquire()).get(10, TimeUnit.SECONDS)).isPositive();
    }

    @Test
    void oneServerErrorAskingToWaitPausesOnlyItsRequestSeveralInARowPauseEveryone() {
        AkoolRequestThrottle throttle = new AkoolRequestThrottle(10, 1);

        throttle.serverFailed(Duration.ofSeconds(30));
        throttle.onSuccess(throttle.acquire());
        throttle.serverFailed(Duration.ofSeconds(30));
        assertThat(throttle.pausedFor()).as("one busy server among successes").isZero();

        for (int i = 1; i < AkoolRequestThrottle.FAILURES_TO_PAUSE_ALL; i++) {
            throttle.serverFailed(Duration.ofSeconds(30));
        }
        assertThat(throttle.pausedFor()).as("Akool failing request after request").isGreaterThan(Duration.ofSeconds(20));
    }

    @Test
    void aRefusedRequestWaitsWhatAkoolAskedUnlessTheRunStops() throws Exception {
        AkoolRequestThrottle throttle = new AkoolRequestThrottle(10, 1);
        Future<?> waiting = callers.submit(() -> throttle.waitAsAsked(Duration.ofMinutes(5)));

        throttle.stop();

        waiting.get(10, TimeUnit.SECONDS);
        assertThat(waiting.isDone()).isTrue();
    }
}
