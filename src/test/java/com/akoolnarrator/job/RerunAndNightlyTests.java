package com.akoolnarrator.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.akoolnarrator.cli.RunOutcome;
import com.akoolnarrator.JobTestSupport;
import com.akoolnarrator.storage.Sha256;
import com.akoolnarrator.tags.FileTag;
import com.akoolnarrator.tags.Id3Reader;

/** Restartable and never paying twice: reruns, nightly edits, expired results, a job aborted mid-step. */
class RerunAndNightlyTests extends JobTestSupport {

    /** Enough rows, in chunks of 50, for a stop to find the validate step still working (the benchmark takes 100,000). */
    private static final int ROWS_TO_VALIDATE = 1500;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JobRepository jobRepository;

    @Test
    void aFinishedFolderRenamedOrReachedThroughASymlinkIsTheSameFolderAndNothingIsNarratedAgain() throws Exception {
        Path input = csv("lessons.csv", "id,text,voice_id", "a,Alpha.,en-US-Jenny", "b,Beta.,en-US-Guy", "c,Gamma.,en-US-Guy");
        assertThat(run(input).exitCode()).isZero();
        Path moved = Files.move(output(), work.resolve("renamed"));
        simulator.resetCounters();

        assertThat(command.run(input, moved).exitCode()).isZero();
        Path link = Files.createSymbolicLink(work.resolve("link"), moved);
        assertThat(command.run(input, link).exitCode()).isZero();

        assertThat(simulator.calls("create") + simulator.calls("info") + simulator.calls("download"))
            .as("the folder is known by its id, not its path: every MP3 reused").isZero();
        assertThat(readCsv(link.resolve("results.csv"))).extracting(r -> r.get("status")).containsOnly("SUCCEEDED");
    }

    @Test
    void downloadsRefusedDuringARunAreDownloadedByTheNextRunNotSubmittedAgain() throws Exception {
        simulatorSettings.setRefusedDownloadRate(1.0); // a proxy on the way answers 403
        Path input = csv("lessons.csv", "id,text,voice_id", "a,Alpha.,en-US-Jenny", "b,Beta.,en-US-Guy");
        assertThat(run(input).exitCode()).isEqualTo(RunOutcome.SOME_ROWS_FAILED);
        assertThat(results()).extracting(r -> r.get("error"))
            .allSatisfy(error -> assertThat(error).contains("HTTP 403", "the next run downloads it again"));
        simulatorSettings.setRefusedDownloadRate(0);
        simulator.resetCounters();

        assertThat(run(input).exitCode()).isZero();

        assertThat(simulator.calls("create")).as("Akool's finished jobs are fetched, not paid for again").isZero();
        assertThat(simulator.calls("download")).isEqualTo(2);
        assertThat(results()).extracting(r -> r.get("status")).containsOnly("SUCCEEDED");
    }

    @Test
    void aFinishedJobAkoolNoLongerHasIsSubmittedAnewAndTheRunSaysSo() throws Exception {
        simulatorSettings.setRefusedDownloadRate(1.0);
        Path input = csv("lessons.csv", "id,text,voice_id", "a,Alpha.,en-US-Jenny");
        assertThat(run(input).exitCode()).isEqualTo(RunOutcome.SOME_ROWS_FAILED);
        simulator.forgetJobs();

        assertThat(run(input).exitCode()).isEqualTo(RunOutcome.SOME_ROWS_FAILED);
        assertThat(results().get(0).get("error")).contains("Akool no longer has job", "the next run submits the row anew");
        simulatorSettings.setRefusedDownloadRate(0);
        simulator.resetCounters();

        assertThat(run(input).exitCode()).isZero();
        assertThat(simulator.calls("create")).isEqualTo(1);
    }

    @Test
    void anUnfinishedRunIsContinuedHoweverManyOtherRunsShareTheJobDatabase() throws Exception {
        simulator.setCredits(0); // Akool refuses the first create: the run fails, unfinished
        Path input = csv("lessons.csv", "id,text,voice_id", "a,Alpha.,en-US-Jenny", "b,Beta.,en-US-Guy");
        RunOutcome failed = run(input);
        assertThat(failed.exitCode()).isEqualTo(RunOutcome.JOB_FAILED);
        long run = jobRepository.getJobExecution(failed.jobExecutionId()).getJobInstance().getInstanceId();
        for (int i = 0; i < 120; i++) { // other folders' runs, newer than this one, in the same job database
            jobRepository.createJobInstance(NarrationJobConfiguration.JOB_NAME, new JobParametersBuilder()
                .addString("elsewhere", UUID.randomUUID().toString()).toJobParameters());
        }
        simulator.setCredits(1e12);

        RunOutcome continued = run(input);

        assertThat(continued.exitCode()).isZero();
        assertThat(jobRepository.getJobExecution(continued.jobExecutionId()).getJobInstance().getInstanceId())
            .as("the folder's unfinished run, found through the ledger, continued: not a new run beside it")
            .isEqualTo(run);
        assertThat(simulator.acceptedSubmissions()).isEqualTo(2);
    }

    @Test
    void rerunningAfterFailedRowsSubmitsOnlyThoseRows() throws Exception {
        Path input = csv("lessons.csv", "id,text,voice_id", "a,Alpha.,en-US-Jenny", "b,Beta.,en-US-Jenny");
        assertThat(run(input).exitCode()).isZero();
        csv("lessons.csv", "id,text,voice_id", "a,Alpha.,en-US-Jenny", "b,Beta.,en-US-Jenny", "c,Gamma.,en-US-Jenny",
                "d,Delta.,en-US-Jenny");
        simulatorSettings.setFailedJobRate(1.0); // Akool has a bad hour: every new job fails
        assertThat(run(input).exitCode()).isEqualTo(RunOutcome.SOME_ROWS_FAILED);
        assertThat(results()).extracting(r -> r.get("status")).containsExactly("SUCCEEDED", "SUCCEEDED", "FAILED", "FAILED");
        assertThat(readCsv(output().resolve("failed.csv"))).extracting(r -> r.get("id")).containsExactly("c", "d");
        simulatorSettings.setFailedJobRate(0);
        simulator.resetCounters();

        RunOutcome rerun = run(input);

        assertThat(rerun.exitCode()).isEqualTo(RunOutcome.ALL_SUCCEEDED);
        assertThat(simulator.calls("create")).isEqualTo(2);
        assertThat(simulator.calls("download")).isEqualTo(2);
        assertThat(results()).extracting(r -> r.get("attempts")).containsExactly("1", "1", "2", "2");
        assertThat(readCsv(output().resolve("failed.csv"))).isEmpty();
    }

    @Test
    void aJournalWithALineThatIsNotTextStopsNoRunTheLineIsPassedOver() throws Exception {
        Path input = csv("lessons.csv", "id,text,voice_id", "a,Alpha.,en-US-Jenny");
        assertThat(run(input).exitCode()).isZero();
        Files.write(output().resolve(".narrator/accepted.journal"), new byte[] { 'k', (byte) 0xC3, '\t', 'x', '\n', '\n' });
        csv("lessons.csv", "id,text,voice_id", "a,Alpha.,en-US-Jenny", "b,Beta.,en-US-Jenny");
        simulator.resetCounters();

        RunOutcome outcome = run(input);

        assertThat(outcome.exitCode()).as(outcome.message()).isEqualTo(RunOutcome.ALL_SUCCEEDED);
        assertThat(simulator.calls("create")).as("only the new row").isEqualTo(1);
    }

    @Test
    void anMp3ReplacedByAnotherNarrationOfTheSameSizeIsDownloadedAgainNotTakenForItsRow() throws Exception {
        Path a = csv("a.csv", "id,text,voice_id", "r1,Alpha one.,en-US-Jenny");
        Path b = csv("b.csv", "id,text,voice_id", "r1,Alpha two.,en-US-Jenny"); // an edit, of the same length
        assertThat(run(a).exitCode()).isZero();
        long sizeOfA = Files.size(output().resolve("r1.mp3"));
        assertThat(run(b).exitCode()).isZero();
        assertThat(Files.size(output().resolve("r1.mp3"))).as("B's MP3, of A's size").isEqualTo(sizeOfA);
        simulator.resetCounters();

        assertThat(run(a).exitCode()).isZero(); // the edit reverted

        assertThat(simulator.calls("create")).as("Akool still has A's: not paid again").isZero();
        assertThat(simulator.calls("download")).as("A's MP3 downloaded again, not B's taken for it").isEqualTo(1);
        CSVRecord row = results().get(0);
        assertThat(row.get("sha256")).isEqualTo(Sha256.ofFile(output().resolve("r1.mp3")));
        assertThat(Id3Reader.read(output().resolve("r1.mp3")).orElseThrow().userText(FileTag.CONTENT_HASH))
            .contains(row.get("content_hash"));
    }

    @Test
    void anMp3CutShortKeepingItsTagIsDownloadedAgainNotTakenAsNarrated() throws Exception {
        Path input = csv("lessons.csv", "id,text,voice_id", "r1,A lesson long enough to make a file of some size.,en-US-Jenny");
        assertThat(run(input).exitCode()).isZero();
        Path mp3 = output().resolve("r1.mp3");
        long whole = Files.size(mp3);
        try (FileChannel file = FileChannel.open(mp3, StandardOpenOption.WRITE)) {
            file.truncate(1_200); // its tag and a little audio are left
        }
        simulator.resetCounters();

        assertThat(run(input).exitCode()).isZero();

        assertThat(simulator.calls("create")).isZero();
        assertThat(simulator.calls("download")).isEqualTo(1);
        assertThat(Files.size(mp3)).isEqualTo(whole);
        assertThat(results().get(0).get("sha256")).isEqualTo(Sha256.ofFile(mp3));
    }

    @Test
    void aFixedInvalidRowIsNarratedOnTheNextRun() throws Exception {
        Path input = csv("lessons.csv", "id,text,voice_id,rate", "a,Alpha.,en-US-Jenny,", "b,Beta.,en-US-Jenny,fast");
        assertThat(run(input).exitCode()).isEqualTo(RunOutcome.SOME_ROWS_FAILED);
        csv("lessons.csv", "id,text,voice_id,rate", "a,Alpha.,en-US-Jenny,", "b,Beta.,en-US-Jenny,90%");
        simulator.resetCounters();

        assertThat(run(input).exitCode()).isEqualTo(RunOutcome.ALL_SUCCEEDED);
        assertThat(simulator.calls("create")).isEqualTo(1);
    }

    @Test
    void aNightlyRunOnAnEditedFileNarratesOnlyNewAndChangedRows() throws Exception {
        Path input = csv("catalogue.csv", "id,text,voice_id,course",
                "keep,Unchanged text.,en-US-Jenny,A", "edit,Old wording.,en-US-Jenny,A", "drop,Removed later.,en-US-Jenny,A");
        assertThat(run(input).exitCode()).isZero();
        Path dropped = output().resolve("drop.mp3");
        String keepSha = results().get(0).get("sha256");
        simulator.resetCounters();
        csv("catalogue.csv", "id,text,voice_id,course",
                "keep,Unchanged text.,en-US-Jenny,B (renamed course)", "edit,New wording.,en-US-Jenny,A", "new,A new lesson.,en-US-Guy,A");

        RunOutcome nightly = run(input);

        assertThat(nightly.exitCode()).isZero();
        assertThat(simulator.calls("create")).isEqualTo(2);
        List<CSVRecord> rows = results();
        assertThat(rows).extracting(r -> r.get("id")).containsExactly("keep", "edit", "new");
        assertThat(rows.get(0).get("attempts")).isEqualTo("1");
        assertThat(rows.get(0).get("sha256")).isEqualTo(keepSha);
        assertThat(rows.get(0).get("course")).isEqualTo("B (renamed course)");
        assertThat(Files.exists(dropped)).as("files of removed rows are left alone").isTrue();
    }

    @Test
    void resultsOlderThanAkoolsRetentionAreSubmittedAgainInsteadOfFailingOnADeadUrl() throws Exception {
        Path input = csv("lessons.csv", "id,text,voice_id", "done,Downloaded long ago.,en-US-Jenny",
                "completed,Completed but never downloaded.,en-US-Jenny", "submitted,Submitted long ago.,en-US-Jenny");
        assertThat(run(input).exitCode()).isZero();
        Timestamp eightDaysAgo = Timestamp.from(Instant.now().minus(Duration.ofDays(8)));
        jdbc.sql("UPDATE NARRATION SET STATE = 'COMPLETED', COMPLETED_AT = ?, SUBMITTED_AT = ? WHERE ROW_ID = 'completed' AND SCOPE = ?")
            .params(eightDaysAgo, eightDaysAgo, scope()).update();
        jdbc.sql("UPDATE NARRATION SET STATE = 'SUBMITTED', COMPLETED_AT = NULL, SUBMITTED_AT = ? WHERE ROW_ID = 'submitted' AND SCOPE = ?")
            .params(eightDaysAgo, scope()).update();
        Files.delete(output().resolve("completed.mp3"));
        Files.delete(output().resolve("submitted.mp3"));
        simulator.resetCounters();

        RunOutcome outcome = run(input);

        assertThat(outcome.exitCode()).isZero();
        assertThat(simulator.calls("create")).isEqualTo(2);
        assertThat(results()).extracting(r -> r.get("attempts")).containsExactly("1", "2", "2");
    }

    @Test
    void aRunStoppedWhileValidatingContinuesFromWhereItStoppedAndNarratesEveryRowOnce() throws Exception {
        List<String> lines = new ArrayList<>(List.of("id,text,voice_id"));
        for (int i = 1; i <= ROWS_TO_VALIDATE; i++) {
            lines.add("r" + i + ",Lesson text " + i + ".,en-US-Jenny");
        }
        Path input = csv("big.csv", lines.toArray(String[]::new));
        CompletableFuture<RunOutcome> first = CompletableFuture.supplyAsync(() -> run(input));
        awaitUntil("the first validated rows in the ledger", Duration.ofSeconds(60),
                () -> jdbc.sql("SELECT COUNT(*) FROM RUN_ROW R JOIN RUN_INPUT I ON I.RUN_ID = R.RUN_ID WHERE I.SCOPE = ?")
                    .param(scope()).query(Long.class).single() > 0);
        command.requestStop();

        RunOutcome stopped = first.get(60, TimeUnit.SECONDS);

        assertThat(stopped.exitCode()).isEqualTo(RunOutcome.JOB_FAILED);
        assertThat(stopped.message()).contains("stopped");
        assertThat(simulator.acceptedSubmissions()).isLessThan(ROWS_TO_VALIDATE);

        RunOutcome resumed = run(input);

        assertThat(resumed.exitCode()).isEqualTo(RunOutcome.ALL_SUCCEEDED);
        assertThat(simulator.acceptedSubmissions()).isEqualTo(ROWS_TO_VALIDATE);
        assertThat(simulator.duplicateSubmissions()).isZero();
        List<CSVRecord> rows = results();
        assertThat(rows).hasSize(ROWS_TO_VALIDATE);
        assertThat(rows.get(0).get("id")).isEqualTo("r1");
        assertThat(rows.get(ROWS_TO_VALIDATE - 1).get("id")).isEqualTo("r" + ROWS_TO_VALIDATE);
    }

    @Test
    void aJobAbortedWhilePollingIsFinishedByTheSameCommandWithoutSubmittingAnythingTwice() throws Exception {
        simulator.holdJobs(); // every job still at Akool when the run is aborted
        List<String> lines = new ArrayList<>(List.of("id,text,voice_id"));
        for (int i = 1; i <= 40; i++) {
            lines.add("r" + i + ",Lesson text " + i + ".,en-US-Jenny");
        }
        Path input = csv("course.csv", lines.toArray(String[]::new));
        CompletableFuture<RunOutcome> first = CompletableFuture.supplyAsync(() -> run(input));
        awaitUntil("40 accepted submissions", Duration.ofSeconds(60), () -> simulator.acceptedSubmissions() >= 40);
        simulatorSettings.setApiKey("revoked-key"); // the next status call is refused: the job stops in collect

        RunOutcome aborted = first.get(30, TimeUnit.SECONDS);

        assertThat(aborted.exitCode()).isEqualTo(RunOutcome.JOB_FAILED);
        assertThat(aborted.message()).contains("1101");
        simulatorSettings.setApiKey("sim-test-key-7f3a9c");
        simulator.releaseJobs();

        RunOutcome resumed = run(input);

        assertThat(resumed.exitCode()).isEqualTo(RunOutcome.ALL_SUCCEEDED);
        assertThat(simulator.acceptedSubmissions()).isEqualTo(40);
        assertThat(simulator.duplicateSubmissions()).isZero();
        assertThat(results()).hasSize(40).allSatisfy(r -> assertThat(r.get("attempts")).isEqualTo("1"));
    }
}
