package com.akoolnarrator.bucket;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A real S3 server for the tests: S3Proxy (Maven Central's self-contained jar, copied to target/s3proxy by the build)
 * in a process of its own, over a filesystem backend in a temporary folder; one per test JVM, started when first
 * needed and stopped with the JVM. {@link #client()} is the tests' own view of it, independent of the job's.
 */
public final class BucketServer {

    public static final String ACCESS_KEY = "narrator-test-access";
    public static final String SECRET_KEY = "narrator-test-secret-9c1e";

    private static BucketServer running;

    private final Process process;
    private final URI endpoint;
    private final S3Client client;

    private BucketServer(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
        this.client = S3Client.builder().endpointOverride(endpoint).forcePathStyle(true).region(Region.US_EAST_1)
            .httpClient(Apache5HttpClient.create())
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
            .build();
    }

    public static synchronized BucketServer start() {
        if (running == null) {
            running = launch();
            Runtime.getRuntime().addShutdownHook(new Thread(running.process::destroyForcibly));
        }
        return running;
    }

    public URI endpoint() {
        return endpoint;
    }

    public S3Client client() {
        return client;
    }

    public void createBucket(String bucket) {
        if (client.listBuckets().buckets().stream().noneMatch(b -> b.name().equals(bucket))) {
            client.createBucket(create -> create.bucket(bucket));
        }
    }

    /** Every object under {@code prefix}, its key and its ETag, in key order. */
    public List<String> objects(String bucket, String prefix) {
        return client.listObjectsV2Paginator(list -> list.bucket(bucket).prefix(prefix)).contents().stream()
            .map(S3Object::key).sorted().toList();
    }

    public byte[] bytes(String bucket, String key) {
        return client.getObjectAsBytes(get -> get.bucket(bucket).key(key)).asByteArray();
    }

    /** The SHA-256 (hex) of what the bucket holds under {@code key}. */
    public String sha256(String bucket, String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes(bucket, key)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The rows of a CSV object with a header (results.csv). */
    public List<CSVRecord> csv(String bucket, String key) throws IOException {
        String text = new String(bytes(bucket, key), StandardCharsets.UTF_8);
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(text))
            .getRecords();
    }

    public void put(String bucket, String key, byte[] bytes) {
        client.putObject(put -> put.bucket(bucket).key(key), RequestBody.fromBytes(bytes));
    }

    /** Empties a bucket, for a test that starts from nothing. */
    public void empty(String bucket) {
        objects(bucket, "").forEach(key -> client.deleteObject(delete -> delete.bucket(bucket).key(key)));
    }

    private static BucketServer launch() {
        try {
            Path jar = Path.of("target/s3proxy/s3proxy.jar").toAbsolutePath();
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(jar + " is missing: the build copies it (mvn test-compile)");
            }
            Path data = Files.createTempDirectory("narrator-s3proxy");
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            URI endpoint = URI.create("http://127.0.0.1:" + port);
            Path properties = data.resolve("s3proxy.conf");
            Files.createDirectories(data.resolve("store"));
            Files.writeString(properties, String.join("\n", "s3proxy.endpoint=" + endpoint,
                    "s3proxy.authorization=aws-v2-or-v4", "s3proxy.identity=" + ACCESS_KEY,
                    "s3proxy.credential=" + SECRET_KEY, "jclouds.provider=filesystem-nio2",
                    "jclouds.filesystem.basedir=" + data.resolve("store"), ""));
            Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString(), "--properties", properties.toString())
                .redirectErrorStream(true).redirectOutput(data.resolve("s3proxy.log").toFile()).start();
            awaitListening(process, port, data.resolve("s3proxy.log"));
            return new BucketServer(process, endpoint);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void awaitListening(Process process, int port, Path log) throws IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("S3Proxy ended at start: " + Files.readString(log));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            }
            catch (IOException notYet) {
                try {
                    Thread.sleep(50);
                }
                catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("S3Proxy did not listen within 60 s: " + Files.readString(log));
    }
}
