package com.akoolnarrator.bucket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.akoolnarrator.settings.NarratorProperties;
import com.akoolnarrator.storage.BucketAddress;
import com.akoolnarrator.storage.OutputFolder;
import com.akoolnarrator.storage.Sha256;

/**
 * The job's writes into a bucket, against a real S3 server: created once, the bytes checked by the server against
 * their SHA-256, an existing key with the same bytes taken as the job's own and one with other bytes left alone; a
 * bucket or credentials that cannot work are one line.
 */
class ObjectStoreTests {

    private static final BucketServer SERVER = BucketServer.start();
    private static final BucketAddress OUTPUT = BucketAddress.parse("s3://store-tests/course1/");

    @TempDir
    Path work;

    private Buckets buckets;
    private ObjectStore store;

    @BeforeEach
    void emptyBucket() {
        System.setProperty("aws.accessKeyId", BucketServer.ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", BucketServer.SECRET_KEY);
        SERVER.createBucket(OUTPUT.bucket());
        SERVER.empty(OUTPUT.bucket());
        buckets = new Buckets(settings(), 4);
        store = buckets.of(OUTPUT);
    }

    @AfterEach
    void close() {
        buckets.destroy();
    }

    private static NarratorProperties.S3 settings() {
        return new NarratorProperties.S3(SERVER.endpoint(), true, null, 2, Duration.ofSeconds(5), Duration.ofSeconds(30));
    }

    @Test
    void aFileIsCreatedOnceWithWhatALaterRunReadsBack() throws Exception {
        Path file = file("a.mp3", "the audio");
        String sha256 = Sha256.ofFile(file);

        assertThat(store.createOnly("lesson/a.mp3", file, sha256, "audio/mpeg", Map.of("narration", "abc")))
            .isEqualTo(ObjectStore.Created.CREATED);
        assertThat(store.createOnly("lesson/a.mp3", file, sha256, "audio/mpeg", Map.of()))
            .as("a retry, or a rerun").isEqualTo(ObjectStore.Created.ALREADY_THERE);

        assertThat(SERVER.objects(OUTPUT.bucket(), "")).containsExactly("course1/lesson/a.mp3");
        ObjectStore.Stored stored = store.head("lesson/a.mp3").orElseThrow();
        assertThat(stored.bytes()).isEqualTo(9);
        assertThat(stored.sha256()).contains(sha256);
        assertThat(stored.metadata()).containsEntry("narration", "abc");
        assertThat(store.sizes()).containsExactly(Map.entry("lesson/a.mp3", 9L));
        assertThat(store.head("lesson/b.mp3")).isEmpty();
    }

    @Test
    void anObjectWithOtherBytesIsAConflictAndIsLeftAsItIs() throws Exception {
        SERVER.put(OUTPUT.bucket(), "course1/a.mp3", "theirs".getBytes(StandardCharsets.UTF_8));
        Path file = file("a.mp3", "ours");

        assertThat(store.createOnly("a.mp3", file, Sha256.ofFile(file), "audio/mpeg", Map.of()))
            .isEqualTo(ObjectStore.Created.CONFLICT);
        assertThat(new String(SERVER.bytes(OUTPUT.bucket(), "course1/a.mp3"), StandardCharsets.UTF_8)).isEqualTo("theirs");
    }

    @Test
    void bytesThatDoNotMatchTheirChecksumAreRefusedByTheServer() throws Exception {
        Path file = file("a.mp3", "what is on disk");
        String otherSha256 = Sha256.of("what was checked");

        assertThatThrownBy(() -> store.createOnly("a.mp3", file, otherSha256, "audio/mpeg", Map.of()))
            .isInstanceOf(BucketException.class).hasMessageStartingWith("cannot store s3://store-tests/course1/a.mp3");
        assertThat(SERVER.objects(OUTPUT.bucket(), "")).isEmpty();
    }

    @Test
    void theCheckAtStartMakesTheOutputsIdOnceAndReadsItAfter() {
        assertThat(buckets.establish(OUTPUT, "first-id")).isEqualTo("first-id");
        assertThat(buckets.establish(OUTPUT, "another-id")).as("from another state folder").isEqualTo("first-id");
    }

    @Test
    void aMissingBucketAndRefusedCredentialsAreOneLineEach() {
        assertThatThrownBy(() -> buckets.establish(BucketAddress.parse("s3://no-such-bucket/x"), "id"))
            .isInstanceOf(BucketException.class)
            .hasMessage("cannot use s3://no-such-bucket/x: the bucket no-such-bucket does not exist (create it, or check"
                    + " the bucket's name and narrator.s3.endpoint / AWS_ENDPOINT_URL_S3)");

        System.setProperty("aws.secretAccessKey", "a-wrong-secret-4411");
        try (Buckets wrongKey = new Buckets(settings(), 2)) {
            assertThatThrownBy(() -> wrongKey.establish(OUTPUT, "id")).isInstanceOf(BucketException.class)
                .hasMessageStartingWith("cannot use s3://store-tests/course1: ")
                .hasMessageContaining("credentials").hasMessageNotContaining("a-wrong-secret-4411");
        }
        finally {
            System.setProperty("aws.secretAccessKey", BucketServer.SECRET_KEY);
        }
    }

    @Test
    void throttlingServerErrorsAndResetsAreRetriedWithBackoff() throws Exception {
        Path file = file("a.mp3", "the audio");
        try (FaultyStore faulty = new FaultyStore(SERVER.endpoint(), List.of(FaultyStore.Fault.SLOW_DOWN,
                FaultyStore.Fault.INTERNAL_ERROR, FaultyStore.Fault.RESET));
                Buckets patient = new Buckets(settings(faulty, 4), 2)) {
            assertThat(patient.of(OUTPUT).createOnly("a.mp3", file, Sha256.ofFile(file), "audio/mpeg", Map.of()))
                .isEqualTo(ObjectStore.Created.CREATED);
            assertThat(faulty.faultsServed()).isEqualTo(3);
        }
        assertThat(SERVER.objects(OUTPUT.bucket(), "")).containsExactly("course1/a.mp3");
    }

    @Test
    void aFileTheStoreKeepsRefusingWaitsOnDiskWithTheReasonForItsRow() throws Exception {
        Path file = file("a.mp3", "the audio");
        ToStore row = new ToStore(2, "key-a", "a.mp3", Sha256.ofFile(file), "hash", "akool-1", 1, "", 1.5, List.of());
        try (FaultyStore faulty = new FaultyStore(SERVER.endpoint(), List.of(FaultyStore.Fault.SLOW_DOWN,
                FaultyStore.Fault.SLOW_DOWN, FaultyStore.Fault.SLOW_DOWN));
                Buckets patient = new Buckets(settings(faulty, 2), 2)) {
            FileStorer storer = new FileStorer(patient.of(OUTPUT), new OutputFolder(work));

            FileStorer.Outcome outcome = storer.process(row);

            assertThat(outcome.stored()).isNull();
            assertThat(outcome.error()).isEqualTo("cannot store s3://store-tests/course1/a.mp3: the store answered 503"
                    + " SlowDown; it waits on disk and the next run stores it, without narrating it again");
            assertThat(file).as("kept for the next run").isRegularFile();

            FileStorer.Outcome later = storer.process(row); // the store is back
            assertThat(later.stored()).isEqualTo(row.sha256());
            assertThat(file).as("stored, then gone from disk").doesNotExist();
        }
    }

    private static NarratorProperties.S3 settings(FaultyStore faulty, int attempts) {
        return new NarratorProperties.S3(faulty.endpoint(), true, null, attempts, Duration.ofSeconds(5),
                Duration.ofSeconds(30));
    }

    private Path file(String name, String content) throws Exception {
        Path file = work.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }
}
