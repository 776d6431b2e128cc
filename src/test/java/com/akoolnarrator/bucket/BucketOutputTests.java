package com.akoolnarrator.bucket;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.akoolnarrator.JobTestSupport;
import com.akoolnarrator.cli.RunOutcome;
import com.akoolnarrator.settings.OutputLocation;
import com.akoolnarrator.storage.BucketAddress;

/**
 * Narrating into an S3-compatible bucket (a real S3 server, {@link BucketServer}): every SUCCEEDED row's MP3 is the
 * object results.csv's sha256 names, the reports sit beside them, nothing else is under the prefix but the job's own,
 * and no MP3 stays in the state folder; a rerun creates nothing, also from a new state folder with a job database
 * that lost everything; an object with other bytes is never overwritten; a bucket that does not exist is one line
 * before anything is asked of Akool.
 */
@DirtiesContext // settings of its own: its context is closed when the class ends, not kept for the rest
@ExtendWith(OutputCaptureExtension.class)
class BucketOutputTests extends JobTestSupport {

    private static final String BUCKET = "narrations";
    private static final BucketServer SERVER = BucketServer.start();

    @Autowired
    private JdbcClient jdbc;

    @DynamicPropertySource
    static void bucketServer(DynamicPropertyRegistry registry) {
        // the SDK's default chain reads these as it reads AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY
        System.setProperty("aws.accessKeyId", BucketServer.ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", BucketServer.SECRET_KEY);
        registry.add("narrator.s3.endpoint", () -> SERVER.endpoint().toString());
        registry.add("narrator.s3.path-style", () -> "true");
        registry.add("narrator.s3.max-attempts", () -> "2");
    }

    @BeforeEach
    void emptyBucket() {
        SERVER.createBucket(BUCKET);
        SERVER.empty(BUCKET);
    }

    private OutputLocation bucket(String stateFolder) {
        return new OutputLocation(work.resolve(stateFolder), BucketAddress.parse("s3://" + BUCKET + "/course1"));
    }

    private RunOutcome run(Path input, OutputLocation output) {
        return command.run(input, output, false, null);
    }

    @Test
    void fortyRowsLandInTheBucketAsResultsCsvSaysAndNothingStaysOnDisk() throws Exception {
        Path input = numberedRows("Lesson", 40);

        RunOutcome outcome = run(input, bucket("state"));

        assertThat(outcome.exitCode()).as(outcome.message()).isEqualTo(RunOutcome.ALL_SUCCEEDED);
        List<CSVRecord> results = bucketResults();
        assertThat(results).hasSize(40).extracting(r -> r.get("status")).containsOnly("SUCCEEDED");
        for (CSVRecord row : results) {
            byte[] stored = SERVER.bytes(BUCKET, "course1/" + row.get("file"));
            assertThat(SERVER.sha256(BUCKET, "course1/" + row.get("file"))).as(row.get("file")).isEqualTo(row.get("sha256"));
            assertThat((long) stored.length).isEqualTo(Long.parseLong(row.get("bytes")));
        }
        List<String> objects = SERVER.objects(BUCKET, "course1/");
        List<String> expected = new ArrayList<>(results.stream().map(r -> "course1/" + r.get("file")).toList());
        expected.addAll(results.stream().map(r -> "course1/" + r.get("captions")).toList());
        expected.addAll(List.of("course1/results.csv", "course1/failed.csv", "course1/report.html",
                "course1/run-summary.json"));
        assertThat(objects.stream().filter(key -> !key.startsWith("course1/.narrator/")).toList())
            .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(filesUnder(work.resolve("state"))).as("no MP3 stays in the state folder")
            .noneMatch(file -> file.toString().endsWith(".mp3"));
        assertThat(new String(SERVER.bytes(BUCKET, "course1/run-summary.json"), StandardCharsets.UTF_8))
            .contains("\"outputDir\" : \"s3://narrations/course1\"").doesNotContain(BucketServer.SECRET_KEY);
    }

    @Test
    void eachFileIsStoredAndLeavesTheStateFolderWhileOthersAreStillAtAkool() throws Exception {
        simulatorSettings.setProcessingPerChar(Duration.ofMillis(2)); // row i is ready after about i * 0.25 s
        List<String> lines = new ArrayList<>(List.of("id,text,voice_id"));
        for (int i = 1; i <= 12; i++) {
            lines.add("r" + i + ",Lesson " + i + " " + "is read aloud ".repeat(9 * i) + ".,en-US-Jenny");
        }
        Path input = csv("lessons.csv", lines.toArray(String[]::new));

        CompletableFuture<RunOutcome> running = CompletableFuture.supplyAsync(() -> run(input, bucket("state")));
        awaitUntil("a first MP3 in the bucket", Duration.ofSeconds(30),
                () -> SERVER.objects(BUCKET, "course1/").stream().anyMatch(key -> key.endsWith(".mp3")));
        long downloadedThen = simulator.calls("download");
        RunOutcome outcome = running.get(60, TimeUnit.SECONDS);

        assertThat(outcome.exitCode()).as(outcome.message()).isEqualTo(RunOutcome.ALL_SUCCEEDED);
        assertThat(downloadedThen).as("downloads when the first file was stored").isLessThan(12);
        assertThat(bucketResults()).extracting(r -> r.get("status")).containsOnly("SUCCEEDED");
        assertThat(filesUnder(work.resolve("state"))).noneMatch(file -> file.toString().endsWith(".mp3"));
    }

    @Test
    void aRerunCreatesNothingAlsoFromANewStateFolderWhoseLedgerLostEverything(CapturedOutput output) throws Exception {
        Path input = numberedRows("Lesson", 6);
        assertThat(run(input, bucket("state")).exitCode()).isEqualTo(RunOutcome.ALL_SUCCEEDED);
        Map<String, String> first = bucketResults().stream().collect(Collectors.toMap(r -> r.get("id"), r -> r.get("sha256")));
        List<String> objects = SERVER.objects(BUCKET, "course1/");
        simulator.resetCounters();

        assertThat(run(input, bucket("state")).exitCode()).isEqualTo(RunOutcome.ALL_SUCCEEDED);
        assertThat(simulator.calls("create") + simulator.calls("download")).as("the same command again").isZero();

        forgetEverythingOf(bucketScope());
        assertThat(run(input, bucket("another-state")).exitCode()).isEqualTo(RunOutcome.ALL_SUCCEEDED);

        assertThat(simulator.calls("create") + simulator.calls("download")).as("from a new state folder").isZero();
        List<CSVRecord> again = bucketResults();
        assertThat(again).extracting(r -> r.get("status")).containsOnly("SUCCEEDED");
        assertThat(again.stream().collect(Collectors.toMap(r -> r.get("id"), r -> r.get("sha256")))).isEqualTo(first);
        assertThat(SERVER.objects(BUCKET, "course1/")).isEqualTo(objects);
        assertThat(output.getAll()).contains("Recovered 6 rows from the output");
    }

    @Test
    void anObjectWithOtherBytesIsNeverOverwrittenAndItsRowSaysWhy() throws Exception {
        Path input = numberedRows("Lesson", 3);
        byte[] theirs = "someone else's file".getBytes(StandardCharsets.UTF_8);
        SERVER.put(BUCKET, "course1/r2.mp3", theirs);

        RunOutcome outcome = run(input, bucket("state"));

        assertThat(outcome.exitCode()).isEqualTo(RunOutcome.SOME_ROWS_FAILED);
        Map<String, CSVRecord> rows = bucketResults().stream().collect(Collectors.toMap(r -> r.get("id"), Function.identity()));
        assertThat(rows.get("r1").get("status")).isEqualTo("SUCCEEDED");
        assertThat(rows.get("r2").get("status")).isEqualTo("FAILED");
        assertThat(rows.get("r2").get("error")).contains("s3://narrations/course1/r2.mp3 already holds other bytes")
            .contains("never overwrites");
        assertThat(SERVER.bytes(BUCKET, "course1/r2.mp3")).isEqualTo(theirs);
        assertThat(work.resolve("state/r2.mp3")).as("it waits on disk, paid for once").isRegularFile();

        SERVER.client().deleteObject(delete -> delete.bucket(BUCKET).key("course1/r2.mp3"));
        simulator.resetCounters();
        assertThat(run(input, bucket("state")).exitCode()).isEqualTo(RunOutcome.ALL_SUCCEEDED);
        assertThat(simulator.calls("create")).as("stored from disk, not narrated again").isZero();
        assertThat(SERVER.sha256(BUCKET, "course1/r2.mp3")).isEqualTo(rowsOf(bucketResults()).get("r2"));
    }

    @Test
    void aBucketThatDoesNotExistIsOneLineAndNothingIsAskedOfAkool(CapturedOutput output) throws Exception {
        Path input = numberedRows("Lesson", 2);

        RunOutcome outcome = command.run(input, new OutputLocation(work.resolve("state"),
                BucketAddress.parse("s3://no-such-bucket/course1")), false, null);

        assertThat(outcome.exitCode()).isEqualTo(RunOutcome.USAGE);
        assertThat(outcome.message()).contains("the bucket no-such-bucket does not exist").doesNotContain("\n");
        assertThat(simulator.calls("create") + simulator.calls("balance") + simulator.calls("voices")).isZero();
        assertThat(output.getAll()).doesNotContain(BucketServer.SECRET_KEY).doesNotContain("at software.amazon");
    }

    private static Map<String, String> rowsOf(List<CSVRecord> results) {
        return results.stream().collect(Collectors.toMap(r -> r.get("id"), r -> r.get("sha256")));
    }

    private List<CSVRecord> bucketResults() throws IOException {
        return SERVER.csv(BUCKET, "course1/results.csv");
    }

    /** What a new state folder's empty job database knows of the output: nothing. */
    private void forgetEverythingOf(String scope) {
        for (String sql : List.of("DELETE FROM NARRATION_TEXT WHERE NARRATION_KEY IN (SELECT NARRATION_KEY FROM NARRATION"
                + " WHERE SCOPE = ?)", "DELETE FROM RUN_ROW WHERE RUN_ID IN (SELECT RUN_ID FROM RUN_INPUT WHERE SCOPE = ?)",
                "DELETE FROM RUN_INPUT WHERE SCOPE = ?", "DELETE FROM NARRATION WHERE SCOPE = ?")) {
            jdbc.sql(sql).param(scope).update();
        }
    }

    /** The ledger's name of the output: its id, as the bucket keeps it. */
    private static String bucketScope() {
        return new String(SERVER.bytes(BUCKET, "course1/.narrator/folder-id"), StandardCharsets.UTF_8).strip();
    }
}
