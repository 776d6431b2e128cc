package com.akoolnarrator.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.beans.factory.annotation.Autowired;

import com.akoolnarrator.cli.RunOutcome;
import com.akoolnarrator.JobTestSupport;
import com.akoolnarrator.input.InputFile;
import com.akoolnarrator.settings.OutputLocation;
import com.akoolnarrator.simulator.AkoolSimulator;
import com.akoolnarrator.storage.Mp3Format;

class NarrationJobTests extends JobTestSupport {

    @Autowired
    JobOperatorTestUtils jobOperatorTestUtils;

    @Autowired
    JobRepository jobRepository;

    @Autowired
    JobOperator jobOperator;


    @Test
    void narratesEveryRowWithStockAndClonedVoicesAndKeepsPassThroughColumns() throws Exception {
        Path input = csv("lessons.csv",
                "id,course,text,voice_id,voice_url,rate,output,notes",
                "l1,Course A,\"Welcome to the course, everyone.\",en-US-Jenny,,90%,course-a/01.mp3,first",
                "l2,Course A,Lesson two explains charts.,en-US-Guy,,85,,",
                "l3,Course A,A cloned voice reads lesson three.,,https://cdn.example.com/me.mp3,,course-a/03.mp3,clone",
                "l4,Course B,\"Multi-line text:\nit continues here.\",own-narrator-1,,100%,course-b/04.mp3,\"=SUM(A1)\"");

        RunOutcome outcome = run(input);

        assertThat(outcome.exitCode()).isEqualTo(RunOutcome.ALL_SUCCEEDED);
        assertThat(simulator.calls("create")).isEqualTo(3);
        assertThat(simulator.calls("clone")).isEqualTo(1);
        List<CSVRecord> rows = results();
        assertThat(rows).extracting(r -> r.get("id")).containsExactly("l1", "l2", "l3", "l4");
        assertThat(rows).extracting(r -> r.get("status")).containsOnly("SUCCEEDED");
        assertThat(rows).extracting(r -> r.get("file"))
            .containsExactly("course-a/01.mp3", "l2.mp3", "course-a/03.mp3", "course-b/04.mp3");
        assertThat(rows).extracting(r -> r.get("course")).containsExactly("Course A", "Course A", "Course A", "Course B");
        assertThat(rows.get(3).get("notes")).as("formula neutralised").isEqualTo("'=SUM(A1)");
        for (CSVRecord row : rows) {
            Path mp3 = output().resolve(row.get("file"));
            byte[] bytes = Files.readAllBytes(mp3);
            assertThat(Mp3Format.looksLikeMp3(bytes, bytes.length)).isTrue();
            assertThat(Long.parseLong(row.get("bytes"))).isEqualTo(bytes.length);
            assertThat(row.get("sha256")).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
            assertThat(Double.parseDouble(row.get("duration_seconds"))).isCloseTo(Mp3Format.durationSeconds(bytes),
                    org.assertj.core.data.Offset.offset(0.001)).isPositive();
            assertThat(row.get("attempts")).isEqualTo("1");
            assertThat(row.get("akool_id")).isNotBlank();
        }
        assertThat(filesUnder(output())).noneMatch(p -> p.getFileName().toString().endsWith(".part"));
        RunFacts facts = RunFacts.of(jobRepository.getJobExecution(outcome.jobExecutionId()));
        assertThat(facts.jobsFollowed()).as("each accepted job taken over from the ledger once").isEqualTo(4);
        assertThat(facts.statusCalls()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void aRowAkoolFailsEndsFailedWithTheReasonWhileTheOthersSucceed() throws Exception {
        Path input = csv("lessons.csv",
                "id,text,voice_id",
                "ok-1,First lesson.,en-US-Jenny",
                "bad,This one breaks " + AkoolSimulator.FAIL_MARKER + ".,en-US-Jenny",
                "ok-2,Third lesson.,en-US-Jenny");

        RunOutcome outcome = run(input);

        assertThat(outcome.exitCode()).isEqualTo(RunOutcome.SOME_ROWS_FAILED);
        List<CSVRecord> rows = results();
        assertThat(rows).extracting(r -> r.get("id") + ":" + r.get("status"))
            .containsExactly("ok-1:SUCCEEDED", "bad:FAILED", "ok-2:SUCCEEDED");
        assertThat(rows.get(1).get("error")).contains("Akool failed the job (status 4)", "audio generation failed");
        assertThat(rows.get(1).get("file")).isEmpty();
        assertThat(readCsv(output().resolve("failed.csv"))).extracting(r -> r.get("id")).containsExactly("bad");
    }

    @Test
    void aRequestAkoolRejectsFailsThatRowOnly() throws Exception {
        Path input = csv("lessons.csv",
                "id,text,voice_id",
                "ok,Fine text.,en-US-Jenny",
                "rejected,Flagged " + AkoolSimulator.REJECT_MARKER + " text.,en-US-Jenny");

        RunOutcome outcome = run(input);

        assertThat(outcome.exitCode()).isEqualTo(RunOutcome.SOME_ROWS_FAILED);
        assertThat(results()).extracting(r -> r.get("status")).containsExactly("SUCCEEDED", "FAILED");
        assertThat(results().get(1).get("error")).contains("Akool rejected the request", "1003");
    }

    @Test
    void aSecondRunReusesEveryMp3AndCallsAkoolForNothing() throws Exception {
        Path input = csv("lessons.csv", "id,text,voice_id", "a,Alpha.,en-US-Jenny", "b,Beta.,en-US-Guy");
        assertThat(run(input).exitCode()).isZero();
        String first = Files.readString(output().resolve("results.csv"));
        simulator.resetCounters();

        assertThat(run(input).exitCode()).isZero();

        assertThat(simulator.calls("create") + simulator.calls("info") + simulator.calls("download")).isZero();
        assertThat(Files.readString(output().resolve("results.csv"))).isEqualTo(first);
    }

    @Test
    void theJobRepositoryIsJdbcBackedSoExecutionsCanBeRestarted() throws Exception {
        simulator.setCredits(0); // Akool refuses the first create: the execution fails in the submit step
        Path input = csv("lessons.csv", "id,text,voice_id", "a,Alpha.,en-US-Jenny");
        JobExecution failed = jobOperatorTestUtils.startJob(RunContext.parameters(RunInput.of(InputFile.inspect(input), "test"),
                new OutputLocation(output(), null), false));

        assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
        JobExecution stored = jobRepository.getJobExecution(failed.getId());
        assertThat(stored).as("persisted in the H2 job repository").isNotNull();
        assertThat(stored.getStatus()).isEqualTo(BatchStatus.FAILED);

        simulator.setCredits(1e12);
        JobExecution restarted = jobOperator.restart(stored);

        assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(restarted.getJobInstance().getInstanceId()).as("the same run, continued")
            .isEqualTo(failed.getJobInstance().getInstanceId());
        assertThat(restarted.getStepExecutions()).extracting(s -> s.getStepName()).as("validation done, the rest again")
            .containsExactlyInAnyOrder("redo", "submit", "collect", "tag-early", "captions-early", "store-early", "join",
                    "review", "tag", "captions", "store", "results");
        assertThat(results()).extracting(r -> r.get("status")).containsExactly("SUCCEEDED");
        assertThat(simulator.acceptedSubmissions()).isEqualTo(1);
    }
}
