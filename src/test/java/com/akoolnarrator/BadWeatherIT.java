package com.akoolnarrator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar on a bad day at Akool (issue 19): a stop is bounded whatever Akool does, and what a stop cuts short
 * is finished by the same command, paying for nothing twice.
 */
class BadWeatherIT extends PackagedJarSupport {

    private static final int ROWS = 60;

    @AfterEach
    void fairWeather() {
        settings.clearFaults();
    }

    @Test
    void aStopWhileAkoolHasStoppedAnsweringEndsWithinTheStopTimeoutAndTheSameCommandFinishes() throws Exception {
        Path input = input();
        List<String> arguments = List.of("--input=" + input, "--output-dir=" + work.resolve("out"),
                "--narrator.stop-timeout=5s", "--akool.requests-per-second=20", "--narrator.chunk-size=10");
        Process first = startJar("first.log", arguments);
        waitForAcceptedSubmissions(10);
        settings.setSilentRate(1); // every API request from now on is read and never answered
        Thread.sleep(1500);

        long stopAt = System.nanoTime();
        first.destroy(); // SIGTERM

        assertThat(first.waitFor(30, TimeUnit.SECONDS)).as("the stop is bounded").isTrue();
        Duration stop = Duration.ofNanos(System.nanoTime() - stopAt);
        System.out.println("SIGTERM to exit, Akool silent, narrator.stop-timeout=5s: " + stop.toMillis() + " ms");
        assertThat(stop).as(log("first.log")).isLessThan(Duration.ofSeconds(12));
        assertThat(first.exitValue()).as(log("first.log")).isEqualTo(1);
        assertThat(log("first.log")).contains("Stop requested", "at most 5s").doesNotContain("\tat ", "Cannot run");
        long accepted = simulator.acceptedSubmissions();
        assertThat(accepted).isLessThan(ROWS);

        settings.setSilentRate(0);
        Process second = startJar("second.log", arguments);
        assertThat(second.waitFor(120, TimeUnit.SECONDS)).isTrue();

        assertThat(second.exitValue()).as(log("second.log")).isZero();
        assertThat(results(work.resolve("out")).values()).hasSize(ROWS)
            .allSatisfy(r -> assertThat(r.get("status")).as(r.get("id") + ": " + r.get("error")).isEqualTo("SUCCEEDED"));
        assertThat(simulator.duplicateSubmissions()).as("nothing paid twice").isZero();
    }

    private Path input() throws Exception {
        List<String> lines = new ArrayList<>(List.of("id,text,voice_id"));
        for (int i = 1; i <= ROWS; i++) {
            lines.add("lesson-" + i + ",This is lesson " + i + " of the course.,en-US-Jenny");
        }
        return Files.write(work.resolve("course.csv"), lines, StandardCharsets.UTF_8);
    }
}
