package com.akoolnarrator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.akoolnarrator.bucket.BucketServer;

/**
 * The packaged jar narrating into a bucket of a real S3 server, configured as a user configures it: the standard AWS
 * variables and {@code narrator.s3.path-style=true}. Killed with SIGKILL mid-run, the same command finishes every row
 * without paying twice or leaving a stray object; a new state folder (its H2 job database new and empty) costs
 * nothing; a bucket that does not exist is one line, before any request to Akool.
 */
class BucketOutputIT extends PackagedJarSupport {

    private static final int ROWS = 120;
    private static final int SUBMIT_THREADS = 8;
    private static final String BUCKET = "narrations";
    private static final BucketServer SERVER = BucketServer.start();

    @BeforeEach
    void akoolAsFastAsARealOne() {
        settings.setLatency(Duration.ofMillis(10));
        settings.setProcessingBase(Duration.ofMillis(100));
        settings.setProcessingPerChar(Duration.ZERO);
        SERVER.createBucket(BUCKET);
        SERVER.empty(BUCKET);
    }

    @AfterEach
    void releaseAkool() {
        simulator.releaseJobs();
    }

    @Test
    void killedMidRunTheSameCommandFinishesEveryRowAndANewStateFolderCostsNothing() throws Exception {
        Path input = input();
        Process first = start(input, "state", "s3://" + BUCKET + "/course1", "first.log");
        waitForAcceptedSubmissions(60);
        first.destroyForcibly();
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        long acceptedBeforeKill = simulator.acceptedSubmissions();
        long storedBeforeKill = SERVER.objects(BUCKET, "course1/").stream().filter(key -> key.endsWith(".mp3")).count();

        Process second = start(input, "state", "s3://" + BUCKET + "/course1", "second.log");
        assertThat(second.waitFor(180, TimeUnit.SECONDS)).isTrue();

        assertThat(second.exitValue()).as(log("second.log")).isZero();
        System.out.printf("bucket, SIGKILL after %d accepted submissions and %d MP3s stored: %d submitted twice on"
                + " rerun%n", acceptedBeforeKill, storedBeforeKill, simulator.duplicateSubmissions());
        assertThat(simulator.duplicateSubmissions()).as("at most the requests in flight at the kill")
            .isLessThanOrEqualTo(SUBMIT_THREADS);
        List<CSVRecord> results = bucketResults();
        assertThat(results).hasSize(ROWS).allSatisfy(row -> {
            assertThat(row.get("status")).isEqualTo("SUCCEEDED");
            assertThat(SERVER.sha256(BUCKET, "course1/" + row.get("file"))).isEqualTo(row.get("sha256"));
        });
        List<String> expected = new ArrayList<>(List.of("course1/results.csv", "course1/failed.csv",
                "course1/report.html", "course1/run-summary.json"));
        results.forEach(row -> {
            expected.add("course1/" + row.get("file"));
            expected.add("course1/" + row.get("captions"));
        });
        List<String> objects = SERVER.objects(BUCKET, "course1/");
        assertThat(objects.stream().filter(key -> !key.startsWith("course1/.narrator/")).toList()).as("no stray object")
            .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(mp3sUnder(work.resolve("state"))).as("no MP3 left in the state folder").isEmpty();

        simulator.resetCounters();
        Process again = start(input, "state", "s3://" + BUCKET + "/course1", "again.log");
        assertThat(again.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(again.exitValue()).as(log("again.log")).isZero();
        assertThat(simulator.calls("create") + simulator.calls("download")).as("the same command again").isZero();

        Process fresh = start(input, "another-state", "s3://" + BUCKET + "/course1", "fresh.log");
        assertThat(fresh.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(fresh.exitValue()).as(log("fresh.log")).isZero();
        assertThat(simulator.calls("create") + simulator.calls("download")).as("from a new state folder").isZero();
        assertThat(log("fresh.log")).contains("Recovered " + ROWS + " rows from the output");
        assertThat(bucketResults()).extracting(row -> row.get("status")).containsOnly("SUCCEEDED");
        assertThat(SERVER.objects(BUCKET, "course1/").stream().filter(key -> !key.startsWith("course1/.narrator/")).toList())
            .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(log("first.log") + log("second.log") + log("fresh.log")).doesNotContain(BucketServer.SECRET_KEY);
    }

    @Test
    void aBucketThatDoesNotExistIsOneLineAndNoRequestToAkool() throws Exception {
        Process run = start(input(), "state", "s3://no-such-bucket/course1", "missing.log");
        assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(run.exitValue()).as(log("missing.log")).isEqualTo(2);
        assertThat(log("missing.log").lines().filter(line -> line.contains("ERROR")).toList()).singleElement().asString()
            .contains("the bucket no-such-bucket does not exist");
        assertThat(log("missing.log")).doesNotContain("\tat ");
        assertThat(simulator.calls("create") + simulator.calls("balance") + simulator.calls("voices")
                + simulator.calls("token")).isZero();
    }

    private Process start(Path input, String stateFolder, String output, String logName) throws IOException {
        ProcessBuilder builder = jar(List.of("--input=" + input, "--output-dir=" + output,
                "--narrator.state-dir=" + work.resolve(stateFolder), "--narrator.s3.path-style=true",
                "--akool.requests-per-second=20", "--narrator.submit-threads=" + SUBMIT_THREADS,
                "--narrator.chunk-size=10", "--narrator.poll-min-interval=200ms"));
        builder.environment().put("AWS_ACCESS_KEY_ID", BucketServer.ACCESS_KEY);
        builder.environment().put("AWS_SECRET_ACCESS_KEY", BucketServer.SECRET_KEY);
        builder.environment().put("AWS_REGION", "us-east-1");
        builder.environment().put("AWS_ENDPOINT_URL_S3", SERVER.endpoint().toString());
        return builder.redirectErrorStream(true).redirectOutput(work.resolve(logName).toFile()).start();
    }

    private Path input() throws IOException {
        List<String> lines = new ArrayList<>(List.of("id,text,voice_id"));
        for (int i = 1; i <= ROWS; i++) {
            lines.add("lesson-" + i + ",This is lesson " + i + " of the course; it is read aloud.,en-US-Jenny");
        }
        return Files.write(work.resolve("course.csv"), lines, StandardCharsets.UTF_8);
    }

    private static List<CSVRecord> bucketResults() throws IOException {
        return SERVER.csv(BUCKET, "course1/results.csv");
    }

    private static List<Path> mp3sUnder(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(file -> file.toString().endsWith(".mp3")).toList();
        }
    }
}
