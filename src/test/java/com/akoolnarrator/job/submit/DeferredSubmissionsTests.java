package com.akoolnarrator.job.submit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.akoolnarrator.akool.AkoolProperties;
import com.akoolnarrator.ledger.PendingNarration;

class DeferredSubmissionsTests {

    private volatile Instant now = Instant.parse("2026-12-02T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    };
    private final DeferredSubmissions deferred = new DeferredSubmissions(clock,
            new AkoolProperties.Retry(2, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(3), Duration.ZERO));

    @Test
    void aNarrationPutBackIsHandedOutAgainOnceAkoolsWaitIsOverEarliestFirst() {
        deferred.defer(narration("late"), Duration.ofSeconds(5));
        deferred.defer(narration("soon"), Duration.ofSeconds(1));

        assertThat(deferred.nextDue()).as("not yet").isNull();
        now = now.plusSeconds(2);
        assertThat(deferred.nextDue().key()).isEqualTo("soon");
        assertThat(deferred.nextDue()).isNull();
        now = now.plusSeconds(3);
        assertThat(deferred.nextDue().key()).isEqualTo("late");
    }

    @Test
    void aNarrationIsPutBackAFewTimesAtMostThenItsProcessorWaits() {
        PendingNarration refused = narration("r1");

        assertThat(deferred.defer(refused, Duration.ZERO)).isTrue();
        assertThat(deferred.defer(refused, Duration.ZERO)).isTrue();
        assertThat(deferred.defer(refused, Duration.ZERO)).isFalse();
    }

    @Test
    void withoutAWaitAskedForANarrationComesBackAfterTheBackoffOfItsTries() {
        PendingNarration failed = narration("r1");

        deferred.defer(failed, null);
        now = now.plusMillis(999);
        assertThat(deferred.nextDue()).isNull();
        now = now.plusMillis(1);
        assertThat(deferred.nextDue()).as("after the first delay").isNotNull();

        deferred.defer(failed, null);
        now = now.plusMillis(1999);
        assertThat(deferred.nextDue()).isNull();
        now = now.plusMillis(1);
        assertThat(deferred.nextDue()).as("after the delay times the multiplier").isNotNull();
    }

    @Test
    void theReaderEndsOnlyWhenNothingIsPutBackAndThenNothingMoreIsTaken() throws Exception {
        deferred.defer(narration("r1"), Duration.ZERO);

        assertThat(deferred.awaitNext(() -> false).key()).isEqualTo("r1");
        assertThat(deferred.awaitNext(() -> false)).as("nothing left: the step may end").isNull();
        assertThat(deferred.defer(narration("r2"), Duration.ZERO)).as("after the end: waited for in place").isFalse();
    }

    @Test
    void theReaderWaitsForTheTimeOfWhatIsPutBack() throws Exception {
        deferred.defer(narration("r1"), Duration.ofSeconds(30));
        CompletableFuture<PendingNarration> next = CompletableFuture.supplyAsync(() -> {
            try {
                return deferred.awaitNext(() -> false);
            }
            catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(200);
        assertThat(next).isNotDone();

        now = now.plusSeconds(30);

        assertThat(next.get(10, TimeUnit.SECONDS).key()).isEqualTo("r1");
    }

    @Test
    void aStopEndsTheWaitLeavingWhatWasPutBackPending() throws Exception {
        deferred.defer(narration("r1"), Duration.ofHours(1));

        assertThat(deferred.awaitNext(() -> true)).isNull();
    }

    private static PendingNarration narration(String key) {
        return new PendingNarration(key, key, key + ".mp3", null, null);
    }
}
