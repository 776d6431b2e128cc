package com.akoolnarrator.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.akoolnarrator.JobTestSupport;
import com.akoolnarrator.cli.RunOutcome;
import com.akoolnarrator.simulator.AkoolSimulator;

/** The job on a bad day at Akool (issue 19): rows are recorded as they finish, and rate-independent refusals cost little. */
class BadWeatherJobTests extends JobTestSupport {

    /** About 12 of their 120 requests refused, each waiting Akool's second. */
    private static final int ROWS = 40;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aDownloadedRowIsInTheLedgerWithinSecondsWhileItsChunkIsFarFromFull() throws Exception {
        Path input = csv("lessons.csv", "id,text,voice_id", "a,Alpha.,en-US-Jenny", "b,Beta.,en-US-Jenny",
                "c,Gamma.,en-US-Jenny", "stuck,Never done " + AkoolSimulator.STUCK_MARKER + ".,en-US-Jenny");
        CompletableFuture<RunOutcome> running = CompletableFuture.supplyAsync(() -> run(input));

        awaitUntil("three rows DOWNLOADED in the ledger", Duration.ofSeconds(10), () -> downloaded() == 3);

        assertThat(running).as("the chunk of 50 holds one row Akool never finishes: the run goes on").isNotDone();
        RunOutcome outcome = running.get(60, TimeUnit.SECONDS);
        assertThat(outcome.exitCode()).isEqualTo(RunOutcome.SOME_ROWS_FAILED);
        assertThat(results()).extracting(r -> r.get("status")).containsExactly("SUCCEEDED", "SUCCEEDED", "SUCCEEDED", "FAILED");
    }

    @Test
    void refusalsAtAnyRateAreNoiseTheRefusedRequestWaitsAndEveryRowSucceedsOnce() throws Exception {
        simulatorSettings.setHttp429Rate(0.1);
        simulatorSettings.setRetryAfter("1");
        List<String> lines = new ArrayList<>(List.of("id,text,voice_id"));
        for (int i = 1; i <= ROWS; i++) {
            lines.add("r" + i + ",Lesson " + i + ".,en-US-Jenny");
        }

        RunOutcome outcome = run(csv("lessons.csv", lines.toArray(String[]::new)));

        assertThat(outcome.exitCode()).as(outcome.message()).isEqualTo(RunOutcome.ALL_SUCCEEDED);
        List<CSVRecord> rows = results();
        assertThat(rows).hasSize(ROWS).allSatisfy(r -> assertThat(r.get("status")).isEqualTo("SUCCEEDED"));
        assertThat(simulator.duplicateSubmissions()).isZero();
        assertThat(throttle.slowDowns()).as("Akool did refuse").isPositive();
    }

    private long downloaded() {
        return jdbc.sql("SELECT COUNT(*) FROM NARRATION WHERE SCOPE = ? AND STATE = 'DOWNLOADED'").param(scope())
            .query(Long.class).single();
    }
}
