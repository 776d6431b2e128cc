package com.akoolnarrator.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.akoolnarrator.JobTestSupport;
import com.akoolnarrator.cli.RunOutcome;
import com.akoolnarrator.simulator.AkoolSimulator;

/**
 * What a hostile file or a misbehaving Akool must not do: take the run down, make it pay twice, keep it alive for ever,
 * or get a credential written down.
 */
@ExtendWith(OutputCaptureExtension.class)
class HostileInputAndAnswersTests extends JobTestSupport {

    private static final String KEY = "sim-test-key-7f3a9c";

    @Test
    void aCellOfOverAMillionCharactersIsOneInvalidRowAndTheOthersAreNarratedAgainOnEveryRerun() throws Exception {
        Path input = work.resolve("huge.csv");
        Files.writeString(input, "id,text,voice_id,notes\n" + "a,Before the huge one.,en-US-Jenny,x\n"
                + "huge," + "a".repeat(1_100_000) + ",en-US-Jenny,y\n" + "c,After the huge one.,en-US-Jenny,z\n",
                StandardCharsets.UTF_8);

        RunOutcome outcome = run(input);

        assertThat(outcome.exitCode()).as(outcome.message()).isEqualTo(RunOutcome.SOME_ROWS_FAILED);
        List<CSVRecord> rows = results();
        assertThat(rows).extracting(r -> r.get("status")).containsExactly("SUCCEEDED", "INVALID", "SUCCEEDED");
        assertThat(rows.get(1).get("error")).isEqualTo("line 3, column 'text': has 1,100,000 characters; a row may hold"
                + " at most 400,000 (about 60,000 words): split the text into several rows");
        assertThat(rows.get(1).get("notes")).isEqualTo("y");

        RunOutcome rerun = run(input);

        assertThat(rerun.exitCode()).isEqualTo(RunOutcome.SOME_ROWS_FAILED);
        assertThat(simulator.calls("create")).as("the good rows were narrated once").isEqualTo(2);
    }

    @Test
    void anOverlongIdIsInvalidWithItsLengthAndTheLimit() throws Exception {
        Path input = csv("ids.csv", "id,text,voice_id", "x".repeat(5000) + ",Text.,en-US-Jenny", "ok,Text.,en-US-Jenny");

        RunOutcome outcome = run(input);

        assertThat(outcome.exitCode()).isEqualTo(RunOutcome.SOME_ROWS_FAILED);
        assertThat(results().get(0).get("error"))
            .isEqualTo("line 2, column 'id': has 5000 characters, more than the 1024 it may have: shorten it");
        assertThat(results().get(1).get("status")).isEqualTo("SUCCEEDED");
    }

    @Test
    void aSuccessWithoutAJobIdIsNeverSentAgainNotEvenByTheNextRun() throws Exception {
        simulatorSettings.setAcceptedWithoutIdRate(1.0);
        Path input = csv("lessons.csv", "id,text,voice_id", "a,Alpha.,en-US-Jenny", "b,Beta.,en-US-Guy");

        RunOutcome outcome = run(input);

        assertThat(outcome.exitCode()).isEqualTo(RunOutcome.SOME_ROWS_FAILED);
        assertThat(simulator.calls("create")).as("one request a row, not seven").isEqualTo(2);
        assertThat(results()).allSatisfy(row -> {
            assertThat(row.get("status")).isEqualTo("FAILED");
            assertThat(row.get("error")).startsWith("Akool accepted the request but returned no job id; not resent, to"
                    + " avoid paying twice").contains("narrator.resend-unconfirmed=true");
            assertThat(row.get("attempts")).isEqualTo("1");
        });

        simulatorSettings.setAcceptedWithoutIdRate(0);
        RunOutcome rerun = run(input);

        assertThat(rerun.exitCode()).isEqualTo(RunOutcome.SOME_ROWS_FAILED);
        assertThat(simulator.calls("create")).as("the rerun does not resend either").isEqualTo(2);
        assertThat(results()).extracting(r -> r.get("status")).containsExactly("FAILED", "FAILED");
    }

    @Test
    void anHtmlPageAnsweringACreateIsSentOnceMoreAtMost() throws Exception {
        simulatorSettings.setUnreadableSuccessRate(1.0);
        Path input = csv("lessons.csv", "id,text,voice_id", "a,Alpha.,en-US-Jenny", "b,Beta.,en-US-Guy");

        RunOutcome outcome = run(input);

        assertThat(outcome.exitCode()).isEqualTo(RunOutcome.SOME_ROWS_FAILED);
        assertThat(simulator.calls("create")).as("two requests a row, not seven").isEqualTo(4);
        assertThat(results()).allSatisfy(row -> {
            assertThat(row.get("status")).isEqualTo("FAILED");
            assertThat(row.get("error")).contains("could not be read twice", "not resent again, to avoid paying twice");
            assertThat(row.get("attempts")).as("the requests Akool received").isEqualTo("2");
        });
    }

    @Test
    void aJobAkoolNeverFinishesEndsTheRunAfterTheTimeoutAndTheNextRunPollsItInsteadOfSubmittingAgain() throws Exception {
        Path input = csv("lessons.csv", "id,text,voice_id", "a,Alpha.,en-US-Jenny",
                "stuck,Never done " + AkoolSimulator.STUCK_MARKER + ".,en-US-Jenny");

        RunOutcome outcome = run(input);

        assertThat(outcome.exitCode()).isEqualTo(RunOutcome.SOME_ROWS_FAILED);
        List<CSVRecord> rows = results();
        assertThat(rows.get(0).get("status")).isEqualTo("SUCCEEDED");
        assertThat(rows.get(1).get("status")).isEqualTo("FAILED");
        assertThat(rows.get(1).get("error"))
            .isEqualTo("Akool has not finished this job after 3s (still processing): the next run checks it again");
        String akoolId = rows.get(1).get("akool_id");
        simulator.resetCounters();

        RunOutcome rerun = run(input);

        assertThat(rerun.exitCode()).isEqualTo(RunOutcome.SOME_ROWS_FAILED);
        assertThat(simulator.calls("create")).as("nothing submitted again").isZero();
        assertThat(simulator.calls("info")).as("the same job polled again").isPositive();
        assertThat(results().get(1).get("akool_id")).isEqualTo(akoolId);
    }

    @Test
    void aKeyThatAkoolEchoesBackIsWrittenNowhere(CapturedOutput output) throws Exception {
        simulatorSettings.setEchoCredentials(true);
        simulatorSettings.setFailedJobRate(0.5);
        simulatorSettings.setHttp5xxRate(0.2);
        List<String> lines = new ArrayList<>(List.of("id,text,voice_id"));
        for (int i = 1; i <= 20; i++) {
            lines.add("r" + i + ",Lesson " + i + ".,en-US-Jenny");
        }
        lines.add("rejected,Rejected " + AkoolSimulator.REJECT_MARKER + ".,en-US-Jenny");
        Path input = csv("lessons.csv", lines.toArray(String[]::new));

        RunOutcome outcome = run(input);

        assertThat(outcome.exitCode()).isEqualTo(RunOutcome.SOME_ROWS_FAILED);
        assertThat(results()).as("Akool's messages reached the results, cleaned")
            .anySatisfy(row -> assertThat(row.get("error")).contains("Parameter error: key [secret]"))
            .anySatisfy(row -> assertThat(row.get("error")).contains("(request key [secret])"));
        assertThat(output.getAll()).doesNotContain(KEY);
        List<Path> files = new ArrayList<>(filesUnder(output()));
        files.addAll(filesUnder(DATABASE));
        for (Path file : files) {
            assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).as(file.toString())
                .doesNotContain(KEY);
        }
    }
}
