package com.akoolnarrator.job.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.akoolnarrator.ledger.TrackedNarration;

/** The poll schedule of one collect step execution, on a clock that stands still. */
class PollScheduleTests {

    private static final Instant NOW = Instant.parse("2026-12-06T02:00:00Z");
    private static final Duration MIN = Duration.ofMillis(200);

    private final ScheduledExecutorService pollers = Executors.newSingleThreadScheduledExecutor();
    private final List<PollSchedule.Due> polled = new ArrayList<>();
    private final PollSchedule schedule = new PollSchedule(new PollPolicy(MIN, Duration.ofSeconds(15), Duration.ofHours(1)),
            Clock.fixed(NOW, ZoneOffset.UTC), pollers, polled::add);

    @AfterEach
    void stop() {
        pollers.shutdownNow();
    }

    @Test
    void aJobAnEarlierRunSubmittedIsAskedAboutAtOnceAndTeachesNothingOfAkoolsProcessingTime() {
        for (int i = 0; i < PollPolicy.PROBES; i++) { // a killed run's jobs, submitted 80 s before this execution
            schedule.start(job("earlier-" + i, NOW.minusSeconds(80)));
        }
        for (int i = 0; i < PollPolicy.PROBES; i++) {
            schedule.start(job("new-" + i, NOW));
        }

        assertThat(due("earlier-0").poll().probe()).as("an earlier job is no probe").isFalse();
        assertThat(due("earlier-0").poll().due()).isEqualTo(NOW.plus(MIN));
        assertThat(due("new-0").poll().probe()).as("the probes are this execution's own jobs").isTrue();
        for (int i = 0; i < PollPolicy.PROBES; i++) {
            schedule.calledBack("earlier-" + i); // done when first heard of: 80 s, of which Akool's time is unknown
        }
        for (int i = 0; i < PollPolicy.PROBES; i++) {
            PollSchedule.Due probe = due("new-" + i);
            assertThat(schedule.claim(probe)).isTrue();
            schedule.completed(probe);
        }

        schedule.start(job("later", NOW));

        assertThat(due("later").poll().due()).as("predicted from this execution's probes (0 s), not from the 80 s")
            .isBefore(NOW.plusSeconds(2));
    }

    private PollSchedule.Due due(String key) {
        return schedule.next(key);
    }

    private static TrackedNarration job(String key, Instant submittedAt) {
        return new TrackedNarration(key, key, "akool-" + key, key + ".mp3", 40, submittedAt, null, false, false);
    }
}
