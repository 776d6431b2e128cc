package com.akoolnarrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.akoolnarrator.JobTestSupport;
import com.akoolnarrator.ledger.RunStatistics;
import com.akoolnarrator.review.ReviewCommand;
import com.akoolnarrator.review.Verdicts;
import com.akoolnarrator.simulator.AkoolSimulator;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@ExtendWith(OutputCaptureExtension.class)
class StatusCreditAndSummaryTests extends JobTestSupport {

    @Autowired
    JobRepository jobRepository;

    @Autowired
    RunStatistics statistics;

    @Autowired
    Verdicts verdicts;

    @Autowired
    ReviewCommand review;

    private String status(String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new StatusCommand(jobRepository, statistics, verdicts, Clock.systemUTC()).print(output(), Command.Status.Format.valueOf(format),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    private static JsonNode json(String text) {
        return JsonMapper.builder().build().readTree(text);
    }

    @Test
    void statusOfAFinishedRunNamesItsOutcomeItsRowsAndWhyRowsFailed() throws Exception {
        run(csv("lessons.csv", "id,text,voice_id", "a,Alpha.,en-US-Jenny", "b,Beta " + AkoolSimulator.FAIL_MARKER + ".,en-US-Jenny",
                "c,,en-US-Jenny"));

        String text = status("text");
        JsonNode json = json(status("json"));

        assertThat(text).contains("Last runs:", "COMPLETED", "3 rows: 1 succeeded, 1 failed, 1 invalid, 0 at Akool, 0 to submit",
                "line 3, id b: FAILED: Akool failed the job", "line 4, id c: INVALID: line 4, column 'text': is empty");
        assertThat(json.path("runs").get(0).path("status").asString()).isEqualTo("COMPLETED");
        assertThat(json.path("lastRun").path("rows").path("succeeded").asLong()).isEqualTo(1);
        assertThat(json.path("lastRun").path("problems")).hasSize(2);
    }

    @Test
    void statusCountsTheLastRunsFilesByAReviewersDecisionAndTheSummaryTheRowsNarratedAgain() throws Exception {
        Path input = numberedRows("Lesson", 4);
        run(input);
        review.importFile(output(), csv("decisions.csv", "id,decision", "r1,approve", "r2,approve", "r3,redo"), "gus");

        assertThat(status("text")).contains("Reviewed: 2 approved, 1 to narrate again on the next run (redo), 1 not"
                + " decided yet");
        assertThat(json(status("json")).path("lastRun").path("review").path("redo").asLong()).isEqualTo(1);
        command.run(input, output(), true);
        assertThat(json(java.nio.file.Files.readString(output().resolve("run-summary.json"))).path("rows")
            .path("narratedAgain").asLong()).as("that a run would narrate again").isEqualTo(1);

        run(input);

        assertThat(json(java.nio.file.Files.readString(output().resolve("run-summary.json"))).path("rows")
            .path("narratedAgain").asLong()).isEqualTo(1);
        assertThat(json(status("json")).path("lastRun").path("review").path("undecided").asLong())
            .as("the new take, and the row no one decided on").isEqualTo(2);
    }

    @Test
    void statusOfAStoppedRunShowsWhatIsLeftAndWhileARunWorksItNamesTheProcess() throws Exception {
        simulator.holdJobs(); // rows stay at Akool until the run is stopped
        simulatorSettings.setLatency(Duration.ofMillis(20));
        Path input = numberedRows("Lesson", 200);
        CompletableFuture<RunOutcome> running = CompletableFuture.supplyAsync(() -> run(input));
        awaitUntil("the first accepted submissions", Duration.ofSeconds(30), () -> simulator.acceptedSubmissions() > 10);

        String whileRunning = status("text");

        assertThat(whileRunning).contains("A run is working in it now: process " + ProcessHandle.current().pid());
        command.requestStop();
        assertThat(running.get(60, TimeUnit.SECONDS).exitCode()).isEqualTo(RunOutcome.JOB_FAILED);
        String stopped = status("text");
        assertThat(stopped).contains("STOPPED").containsPattern("200 rows: \\d+ succeeded, 0 failed, 0 invalid, \\d+ at Akool,"
                + " \\d+ to submit");
        assertThat(status("text")).doesNotContain("A run is working");
    }

    @Test
    void aRunWarnsAtTheStartWhenTheBalanceIsBelowItsEstimateAndTheDryRunShowsTheBalance(CapturedOutput output)
            throws Exception {
        simulator.setCredits(0.1); // Lesson N. is 9 or 10 characters: 0.04 credits a row at 4.4 per 1,000
        Path input = numberedRows("Lesson", 10);

        RunOutcome dryRun = command.run(input, output(), true);
        RunOutcome outcome = run(input);

        assertThat(dryRun.message()).contains("the account's balance is 0.1 credits, which covers about 2 of the 10 rows");
        assertThat(output.getAll()).contains("The account's balance (0.1 credits) is below the estimate of what this run"
                + " submits (0.4 credits for 91 characters at 4.4 per 1,000): it covers about 2 of the 10 rows to submit");
        assertThat(outcome.exitCode()).isEqualTo(RunOutcome.JOB_FAILED);
        assertThat(outcome.message()).contains("not enough credit");
    }

    @Test
    void theFilesToListenToAreCountedByTheSummaryItsFileAndStatus() throws Exception {
        RunOutcome outcome = run(csv("lessons.csv", "id,text,voice_id", "a,Alpha is clean.,en-US-Jenny",
                "b,Beta " + AkoolSimulator.AUDIO_MARKER + "CLIPPED]] is clipped.,en-US-Jenny", "c,Gamma is clean.,en-US-Jenny"));

        assertThat(outcome.exitCode()).as("a flagged row stays SUCCEEDED").isZero();
        assertThat(outcome.message()).contains("1 file to listen to, flagged by the audio check");
        JsonNode summary = json(java.nio.file.Files.readString(output().resolve("run-summary.json")));
        assertThat(summary.path("rows").path("toListenTo").asLong()).isEqualTo(1);
        assertThat(status("text")).contains("Files to listen to (flagged by the audio check): 1");
        assertThat(json(status("json")).path("lastRun").path("rows").path("toListenTo").asLong()).isEqualTo(1);
    }

    @Test
    void everyRunAndDryRunLeavesASummaryForMachines() throws Exception {
        simulator.setCredits(100); // a balance whose change a double shows to the millionth
        Path input = numberedRows("Lesson", 3);

        command.run(input, output(), true);
        JsonNode dry = json(java.nio.file.Files.readString(output().resolve("run-summary.json")));
        RunOutcome outcome = run(input);
        JsonNode run = json(java.nio.file.Files.readString(output().resolve("run-summary.json")));

        assertThat(dry.path("command").asString()).isEqualTo("dry-run");
        assertThat(dry.path("charactersToSubmit").asLong()).isEqualTo(27);
        assertThat(dry.path("requests").path("create").asLong()).isZero();
        assertThat(dry.path("balanceBefore").isNumber()).isTrue();
        assertThat(run.path("command").asString()).isEqualTo("run");
        assertThat(run.path("exitCode").asInt()).isEqualTo(outcome.exitCode()).isZero();
        assertThat(run.path("rows").path("total").asLong()).isEqualTo(3);
        assertThat(run.path("rows").path("succeeded").asLong()).isEqualTo(3);
        assertThat(run.path("characters").asLong()).isEqualTo(27);
        assertThat(run.path("estimatedCredits").asDouble()).isEqualTo(27 * 4.4 / 1000, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(run.path("requests").path("create").asLong()).isEqualTo(3);
        assertThat(run.path("requests").path("status").asLong()).isPositive();
        assertThat(run.path("balanceBefore").asDouble() - run.path("balanceAfter").asDouble())
            .isEqualTo(27 * 4.4 / 1000, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(run.path("wallSeconds").asDouble()).isPositive();
        assertThat(run.path("requestBudget").path("learnt").asBoolean()).isFalse();
    }
}
