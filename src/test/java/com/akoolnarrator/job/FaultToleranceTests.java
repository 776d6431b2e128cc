package com.akoolnarrator.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.akoolnarrator.cli.RunOutcome;
import com.akoolnarrator.JobTestSupport;
import com.akoolnarrator.simulator.AkoolSimulator;
import com.akoolnarrator.simulator.SimulatorSettings;
import com.akoolnarrator.storage.Mp3Format;

@ExtendWith(OutputCaptureExtension.class)
class FaultToleranceTests extends JobTestSupport {

    @Autowired
    org.springframework.core.env.Environment environment;

    @Autowired
    JdbcClient jdbc;

    @Test
    void badWeatherLosesNoRowAndOnlyTheJobsAkoolFailedEndFailed() throws Exception {
        simulatorSettings.setHttp5xxRate(0.10);
        simulatorSettings.setHttp429Rate(0.10);
        simulatorSettings.setRetryAfter("0");
        simulatorSettings.setDropRate(0.05);
        simulatorSettings.setRateLimitCodeRate(0.05);
        simulatorSettings.setServerErrorCodeRate(0.05);
        simulatorSettings.setTruncatedDownloadRate(0.10);
        simulatorSettings.setCorruptDownloadRate(0.05);
        simulatorSettings.setFailedJobRate(0.05);
        List<String> lines = new ArrayList<>(List.of("id,text,voice_id,lesson"));
        for (int i = 1; i <= 200; i++) {
            lines.add("row-" + i + ",Sentence number " + i + " of a long course.,en-US-Jenny,L" + i);
        }
        Path input = csv("many.csv", lines.toArray(String[]::new));

        RunOutcome outcome = run(input);

        List<CSVRecord> rows = results();
        assertThat(rows).hasSize(200);
        assertThat(rows).extracting(r -> r.get("lesson")).doesNotHaveDuplicates().hasSize(200);
        Map<String, List<CSVRecord>> byStatus = rows.stream().collect(Collectors.groupingBy(r -> r.get("status")));
        List<CSVRecord> failed = byStatus.getOrDefault("FAILED", List.of());
        assertThat(failed).isNotEmpty().allSatisfy(r -> assertThat(r.get("error")).contains("Akool failed the job"));
        assertThat(byStatus.get("SUCCEEDED")).hasSize(200 - failed.size());
        assertThat(outcome.exitCode()).isEqualTo(RunOutcome.SOME_ROWS_FAILED);
        for (CSVRecord row : byStatus.get("SUCCEEDED")) {
            byte[] mp3 = Files.readAllBytes(output().resolve(row.get("file")));
            assertThat(mp3.length).isEqualTo(Long.parseLong(row.get("bytes")));
            assertThat(Mp3Format.looksLikeMp3(mp3, mp3.length)).isTrue();
        }
        assertThat(filesUnder(output())).noneMatch(p -> p.getFileName().toString().endsWith(".part"));
        assertThat(simulator.calls("truncated")).as("the weather really was bad").isPositive();
        assertThat(simulator.calls("dropped")).isPositive();
    }

    @Test
    void http429WithRetryAfterSlowsTheClientDownAndTheRowsStillSucceed() throws Exception {
        simulatorSettings.setRateLimitSignal(SimulatorSettings.RateLimitSignal.HTTP_429);
        simulatorSettings.setRequestsPerSecond(20);
        simulatorSettings.setRetryAfter("1");
        long slowDownsBefore = throttle.slowDowns();
        List<String> lines = new ArrayList<>(List.of("id,text,voice_id"));
        for (int i = 1; i <= 40; i++) {
            lines.add("r" + i + ",Text " + i + ".,en-US-Guy");
        }
        try {
            RunOutcome outcome = run(csv("burst.csv", lines.toArray(String[]::new)));

            assertThat(outcome.exitCode()).as(() -> failures()).isEqualTo(RunOutcome.ALL_SUCCEEDED);
            assertThat(simulator.calls("rate-limited")).isPositive();
            assertThat(throttle.slowDowns()).isGreaterThan(slowDownsBefore);
            assertThat(simulator.duplicateSubmissions()).isZero();
        }
        finally {
            simulatorSettings.setRateLimitSignal(SimulatorSettings.RateLimitSignal.CODE_1005);
        }
    }

    @Test
    void anExpiredResultFailsTheRowWithTheReasonAndARerunNarratesItAgain() throws Exception {
        simulatorSettings.setExpiredUrlRate(1.0);
        Path input = csv("lessons.csv", "id,text,voice_id", "a,Alpha.,en-US-Jenny");

        RunOutcome outcome = run(input);

        assertThat(outcome.exitCode()).isEqualTo(RunOutcome.SOME_ROWS_FAILED);
        assertThat(results().get(0).get("error")).contains("Akool no longer has job", "the next run submits the row anew");
        assertThat(simulator.calls("download")).as("an expired URL is not retried").isEqualTo(1);
        simulatorSettings.setExpiredUrlRate(0);

        assertThat(run(input).exitCode()).isZero();
        assertThat(results().get(0).get("attempts")).isEqualTo("2");
    }

    @Test
    void whenTheVoiceListCannotBeFetchedTheJobWarnsAndGoesOnWithoutTheCheck(CapturedOutput output) throws Exception {
        simulatorSettings.setHttp5xxRate(1.0); // the voice list fails; so would everything else, until it clears
        Path input = csv("lessons.csv", "id,text,voice_id", "a,Alpha.,en-US-Jenny");
        java.util.concurrent.CompletableFuture<RunOutcome> running =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> run(input));
        awaitUntil("the warning about the voice list", Duration.ofSeconds(30),
                () -> output.getAll().contains("Could not fetch the voice list"));
        simulatorSettings.setHttp5xxRate(0);

        assertThat(running.get(30, java.util.concurrent.TimeUnit.SECONDS).exitCode()).isZero();
        assertThat(output.getAll()).contains("voice_id values will not be checked before submitting");
    }

    @Test
    void refusedCredentialsStopTheJobWithOneClearLineAndSubmitNothing(CapturedOutput output) throws Exception {
        simulatorSettings.setApiKey("a-different-key");
        Path input = csv("lessons.csv", "id,text,voice_id", "a,Alpha.,en-US-Jenny");

        RunOutcome outcome = run(input);

        assertThat(outcome.exitCode()).isEqualTo(RunOutcome.JOB_FAILED);
        assertThat(outcome.message()).contains("1101", "the embedded simulator").doesNotContain("sim-test-key");
        assertThat(simulator.acceptedSubmissions()).isZero();
        assertThat(output.getAll()).doesNotContain("\tat ");
    }

    @Test
    void runningOutOfCreditStopsTheJobAndARerunOnceToppedUpFinishesWithoutPayingTwice() throws Exception {
        List<String> lines = new ArrayList<>(List.of("id,text,voice_id"));
        for (int i = 1; i <= 30; i++) {
            lines.add("r" + i + ",A sentence of forty characters or so. " + i + ",en-US-Jenny");
        }
        Path input = csv("course.csv", lines.toArray(String[]::new));
        simulator.setCredits(1.0); // about six rows' worth

        RunOutcome stopped = run(input);

        assertThat(stopped.exitCode()).isEqualTo(RunOutcome.JOB_FAILED);
        assertThat(stopped.message()).contains("credit");
        long paid = simulator.acceptedSubmissions();
        assertThat(paid).isBetween(1L, 29L);

        simulator.setCredits(1e6);
        RunOutcome resumed = run(input);

        assertThat(resumed.exitCode()).isEqualTo(RunOutcome.ALL_SUCCEEDED);
        assertThat(simulator.acceptedSubmissions()).isEqualTo(30);
        assertThat(simulator.duplicateSubmissions()).isZero();
        assertThat(results()).hasSize(30).allSatisfy(r -> assertThat(r.get("status")).isEqualTo("SUCCEEDED"));
        assertThat(totalAttempts()).as("rows counted but never sent when the credit ran out are not counted")
            .isEqualTo(simulator.calls("create"));
    }

    @Test
    void theAttemptsInTheResultsAreTheRequestsAkoolReceived() throws Exception {
        simulatorSettings.setServerErrorCodeRate(0.2);
        simulatorSettings.setRateLimitCodeRate(0.1);
        List<String> lines = new ArrayList<>(List.of("id,text,voice_id"));
        for (int i = 1; i <= 150; i++) {
            lines.add("r" + i + ",Sentence " + i + " of a short lesson.,en-US-Jenny");
        }

        RunOutcome outcome = run(csv("lesson.csv", lines.toArray(String[]::new)));

        assertThat(outcome.exitCode()).isEqualTo(RunOutcome.ALL_SUCCEEDED);
        assertThat(results()).anySatisfy(r -> assertThat(Integer.parseInt(r.get("attempts"))).isGreaterThan(1));
        assertThat(totalAttempts()).isEqualTo(simulator.calls("create"));
        assertThat(simulator.acceptedSubmissions()).isEqualTo(150);
    }

    private long totalAttempts() throws Exception {
        return results().stream().mapToLong(r -> Long.parseLong(r.get("attempts"))).sum();
    }

    @Test
    void manyFailuresInARowStopTheJobInsteadOfBurningThroughTheFile() throws Exception {
        List<String> lines = new ArrayList<>(List.of("id,text,voice_id"));
        for (int i = 1; i <= 60; i++) {
            lines.add("r" + i + ",Broken " + AkoolSimulator.REJECT_MARKER + " " + i + ",en-US-Jenny");
        }

        RunOutcome outcome = run(csv("broken.csv", lines.toArray(String[]::new)));

        assertThat(outcome.exitCode()).isEqualTo(RunOutcome.JOB_FAILED);
        assertThat(outcome.message()).contains("rows failed in a row");
        assertThat(simulator.calls("create")).isLessThan(60);
        assertThat(jdbc.sql("SELECT SUM(ATTEMPTS) FROM NARRATION WHERE SCOPE = ?").param(scope()).query(Long.class)
            .single()).as("rows of the last chunk that were never sent once the guard tripped show no attempt")
            .isEqualTo(simulator.calls("create"));
    }

    @Test
    void whenAkoolFailsEveryJobTheRunStopsBeforeSubmittingTheWholeFile() throws Exception {
        simulatorSettings.setFailedJobRate(1.0);
        simulatorSettings.setLatency(java.time.Duration.ofMillis(30)); // submitting 400 rows takes about 1.5 s
        List<String> lines = new ArrayList<>(List.of("id,text,voice_id"));
        for (int i = 1; i <= 400; i++) {
            lines.add("r" + i + ",Lesson " + i + ".,en-US-Jenny");
        }

        RunOutcome outcome = run(csv("doomed.csv", lines.toArray(String[]::new)));

        assertThat(outcome.exitCode()).isEqualTo(RunOutcome.JOB_FAILED);
        assertThat(outcome.message()).contains("rows failed in a row", "Akool failed the job");
        assertThat(simulator.acceptedSubmissions())
            .as("accepted (and paid) before narrator.max-consecutive-failures (20) failed jobs stopped the run")
            .isLessThan(400);
    }

    @Test
    void theApiKeyAppearsNowhereInLogsResultsOrTheDatabase(CapturedOutput output) throws Exception {
        simulatorSettings.setFailedJobRate(0.3);
        Path input = csv("lessons.csv", "id,text,voice_id", "a,Alpha.,en-US-Jenny", "b,Beta.,en-US-Guy",
                "c,Gamma.,not-a-voice", "d,Delta.,en-US-Jenny");

        run(input);

        assertThat(output.getAll()).doesNotContain("sim-test-key-7f3a9c");
        List<Path> files = new ArrayList<>(filesUnder(output()));
        files.addAll(filesUnder(DATABASE));
        for (Path file : files) {
            assertThat(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1))
                .as(file.toString()).doesNotContain("sim-test-key-7f3a9c");
        }
        assertThat(databaseContents()).as("every table of the job database, H2 or PostgreSQL")
            .contains("Alpha.").doesNotContain("sim-test-key-7f3a9c");
        String password = environment.getProperty("spring.datasource.password");
        if (password != null && !password.isBlank()) {
            assertThat(output.getAll()).doesNotContain(password);
            assertThat(databaseContents()).doesNotContain(password);
            for (Path file : files) {
                assertThat(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1))
                    .as(file.toString()).doesNotContain(password);
            }
        }
    }

    /** Every value of every table of the job's and Spring Batch's, as text. */
    private String databaseContents() {
        StringBuilder all = new StringBuilder();
        for (String table : List.of("NARRATION", "NARRATION_TEXT", "RUN_INPUT", "RUN_ROW", "AKOOL_RATE",
                "BATCH_JOB_INSTANCE", "BATCH_JOB_EXECUTION", "BATCH_JOB_EXECUTION_PARAMS", "BATCH_JOB_EXECUTION_CONTEXT",
                "BATCH_STEP_EXECUTION", "BATCH_STEP_EXECUTION_CONTEXT")) {
            jdbc.sql("SELECT * FROM " + table).query().listOfRows().forEach(row -> all.append(row.values()).append('\n'));
        }
        return all.toString();
    }

    private String failures() {
        try {
            return results().stream().filter(r -> !r.get("status").equals("SUCCEEDED"))
                .map(r -> r.get("id") + ": " + r.get("error")).toList().toString();
        }
        catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
