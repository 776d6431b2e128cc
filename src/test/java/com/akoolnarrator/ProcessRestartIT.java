package com.akoolnarrator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.akoolnarrator.storage.Mp3Format;
import com.akoolnarrator.storage.Sha256;

/**
 * The packaged jar as a user runs it, killed for real.
 */
class ProcessRestartIT extends PackagedJarSupport {

    protected static final int ROWS = 80;
    private static final int SUBMIT_THREADS = 8;

    @BeforeEach
    void akoolAsFastAsARealOne() {
        settings.setLatency(Duration.ofMillis(10));
        settings.setProcessingBase(Duration.ofMillis(100));
        settings.setProcessingPerChar(Duration.ZERO);
    }

    @AfterEach
    void releaseAkool() {
        simulator.releaseJobs();
    }

    @Test
    void killedWithSigkillMidSubmissionTheSameCommandFinishesWithoutPayingTwice() throws Exception {
        Path input = input();
        simulator.holdJobs(); // the rows accepted before the kill are still at Akool when it comes
        Process first = start(input, work.resolve("out"), "first.log");
        waitForAcceptedSubmissions(20);
        first.destroyForcibly();
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        long acceptedBeforeKill = simulator.acceptedSubmissions();
        assertThat(acceptedBeforeKill).isLessThan(ROWS);
        assertNoPartialFileUnderAFinalName(work.resolve("out"));
        simulator.releaseJobs();

        Process second = start(input, work.resolve("out"), "second.log");
        assertThat(second.waitFor(120, TimeUnit.SECONDS)).isTrue();

        assertThat(second.exitValue()).as(log("second.log")).isZero();
        assertThat(log("second.log")).contains("did not end (the process was killed); recovering it");
        System.out.printf("SIGKILL after %d accepted submissions: %d submitted twice on rerun%n", acceptedBeforeKill,
                simulator.duplicateSubmissions());
        assertThat(simulator.duplicateSubmissions()).as("at most the requests in flight at the kill").isLessThanOrEqualTo(SUBMIT_THREADS);
        Map<String, CSVRecord> resumed = results(work.resolve("out"));
        assertThat(resumed).hasSize(ROWS);
        assertNoPartialFileUnderAFinalName(work.resolve("out"));

        Process uninterrupted = start(input, work.resolve("reference"), "reference.log");
        assertThat(uninterrupted.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(uninterrupted.exitValue()).isZero();
        Map<String, CSVRecord> reference = results(work.resolve("reference"));
        for (String id : reference.keySet()) {
            for (String column : List.of("status", "file", "duration_seconds", "content_hash", "error")) {
                assertThat(resumed.get(id).get(column)).as(id + " " + column).isEqualTo(reference.get(id).get(column));
            }
            // the files differ only in their tags' Akool job ids: the audio is the same, byte for byte
            Path resumedFile = work.resolve("out").resolve(resumed.get(id).get("file"));
            assertThat(resumed.get(id).get("sha256")).as(id + " sha256").isEqualTo(Sha256.ofFile(resumedFile));
            assertThat(audioSha256(resumedFile)).as(id + " audio")
                .isEqualTo(audioSha256(work.resolve("reference").resolve(reference.get(id).get("file"))));
        }
    }

    @Test
    void sigtermStopsAtTheNextChunkExitsWithOneAndTheSameCommandContinues() throws Exception {
        Path input = input();
        simulator.holdJobs();
        Process first = start(input, work.resolve("out"), "first.log");
        waitForAcceptedSubmissions(20);
        first.destroy();
        assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(first.exitValue()).as(log("first.log")).isEqualTo(1);
        assertThat(log("first.log")).contains("Stop requested").contains("the job was stopped");
        simulator.releaseJobs();

        Process second = start(input, work.resolve("out"), "second.log");
        assertThat(second.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(second.exitValue()).as(log("second.log")).isZero();
        assertThat(log("second.log")).contains("Continuing the unfinished run");
        assertThat(simulator.duplicateSubmissions()).as(() -> log("first.log") + log("second.log")).isZero();
        assertThat(results(work.resolve("out")).values()).allSatisfy(r -> assertThat(r.get("status")).isEqualTo("SUCCEEDED"));
    }

    protected Path input() throws IOException {
        List<String> lines = new ArrayList<>(List.of("id,text,voice_id,course"));
        for (int i = 1; i <= ROWS; i++) {
            lines.add("lesson-" + i + ",This is lesson " + i + " of the course; it is read aloud.,en-US-Jenny,C" + (i % 7));
        }
        return Files.write(work.resolve("course.csv"), lines, StandardCharsets.UTF_8);
    }

    /** Where the packaged jar keeps its state: its own H2 file here; a subclass names a database server. */
    protected List<String> databaseArguments() {
        return List.of();
    }

    protected Process start(Path input, Path output, String logName) throws IOException {
        List<String> arguments = new ArrayList<>(List.of("--input=" + input, "--output-dir=" + output,
                "--akool.requests-per-second=20", "--narrator.submit-threads=" + SUBMIT_THREADS, "--narrator.chunk-size=10",
                "--narrator.poll-min-interval=200ms"));
        arguments.addAll(databaseArguments());
        return startJar(logName, arguments);
    }

    private static void assertNoPartialFileUnderAFinalName(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path mp3 : files.filter(p -> p.toString().endsWith(".mp3")).toList()) {
                byte[] bytes = Files.readAllBytes(mp3);
                assertThat(Mp3Format.durationSeconds(bytes)).as(mp3.toString()).isPositive();
                assertThat(bytes.length % 36).as("whole frames after the tag").isEqualTo(Mp3Format.id3v2Length(bytes) % 36);
            }
        }
    }

    /** The checksum of an MP3's audio, its ID3 tag left out. */
    private static String audioSha256(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        MessageDigest digest = Sha256.newDigest();
        digest.update(bytes, Mp3Format.id3v2Length(bytes), bytes.length - Mp3Format.id3v2Length(bytes));
        return Sha256.hex(digest);
    }
}
