package com.akoolnarrator.job;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.akoolnarrator.job.ConsecutiveFailureGuard.Phase;
import com.akoolnarrator.job.ConsecutiveFailureGuard.TooManyFailuresException;

class ConsecutiveFailureGuardTests {

    @Test
    void tripsOnTheLimitthFailureInARowAndStaysTrippedForBothPhases() {
        ConsecutiveFailureGuard guard = new ConsecutiveFailureGuard(3);
        guard.failure(Phase.COLLECT, "one");
        guard.failure(Phase.COLLECT, "two");

        assertThatThrownBy(() -> guard.failure(Phase.COLLECT, "Akool failed the job"))
            .isInstanceOf(TooManyFailuresException.class)
            .hasMessageContaining("3 rows failed in a row").hasMessageContaining("Akool failed the job");
        assertThatThrownBy(guard::ensureNotTripped).as("the submit step stops too").isInstanceOf(TooManyFailuresException.class);
    }

    @Test
    void aSuccessStartsTheCountAgainInItsOwnPhaseOnly() {
        ConsecutiveFailureGuard guard = new ConsecutiveFailureGuard(2);
        guard.failure(Phase.SUBMIT, "rejected");
        guard.success(Phase.SUBMIT);
        guard.failure(Phase.SUBMIT, "rejected");
        guard.failure(Phase.COLLECT, "failed job");

        guard.success(Phase.SUBMIT); // an accepted submission says nothing about the jobs that failed

        assertThatThrownBy(() -> guard.failure(Phase.COLLECT, "failed job")).isInstanceOf(TooManyFailuresException.class);
    }

    @Test
    void aLimitOfZeroNeverTripsAndResetStartsANewRun() {
        ConsecutiveFailureGuard never = new ConsecutiveFailureGuard(0);
        assertThatCode(() -> {
            for (int i = 0; i < 1000; i++) {
                never.failure(Phase.COLLECT, "failed");
            }
        }).doesNotThrowAnyException();

        ConsecutiveFailureGuard guard = new ConsecutiveFailureGuard(1);
        assertThatThrownBy(() -> guard.failure(Phase.SUBMIT, "x")).isInstanceOf(TooManyFailuresException.class);
        assertThatThrownBy(guard::ensureNotTripped).as("tripped for the rest of its run").isInstanceOf(TooManyFailuresException.class);
    }
}
