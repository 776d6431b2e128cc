package com.akoolnarrator;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.akoolnarrator.akool.AkoolRequestThrottle;
import com.akoolnarrator.cli.NarrationCommand;
import com.akoolnarrator.cli.RunOutcome;
import com.akoolnarrator.database.JobDatabaseConfiguration;
import com.akoolnarrator.simulator.AkoolSimulator;
import com.akoolnarrator.simulator.SimulatorSettings;
import com.akoolnarrator.storage.FolderIdentity;

/**
 * End-to-end tests run the real job (H2 file database, real HTTP over loopback) against the embedded Akool simulator.
 * The test classes of a test JVM share one application context; a class with settings of its own has a context of its
 * own, closed when it ends ({@code @DirtiesContext}). Each test narrates into its own temporary output folder, which
 * scopes the ledger, so tests never see each other's narrations.
 */
@SpringBatchTest
@SpringBootTest(properties = {
        "spring.datasource.url=${narrator.test.database-url:${narrator.test.h2-url}}",
        "simulator.embedded=true",
        "narrator.poll-min-interval=50ms",
        "narrator.poll-max-interval=400ms",
        "narrator.progress-interval=100ms",
        // a job Akool never finishes ends the run after this; every other test's jobs finish well within it
        "narrator.akool-job-timeout=3s",
        "akool.requests-per-second=0",
        "akool.retry.delay=20ms",
        // the bad-weather test fails a third of all requests; 12 retries make exhausting them (0.33^13 per row)
        // vanishingly rare over 200 rows, where the default 6 would fail about one run in twelve
        "akool.retry.max-retries=12",
        "akool.retry.max-delay=200ms",
        "akool.retry.jitter=10ms",
        "simulator.api-key=sim-test-key-7f3a9c",
        "simulator.processing-base=150ms",
        "simulator.processing-per-char=0ms" })
public abstract class JobTestSupport {

    /** The H2 files of the test context's job database. */
    protected static final Path DATABASE = createDatabaseFolder();

    /**
     * The H2 file of the test context; a subclass puts the job database elsewhere by registering
     * {@code narrator.test.database-url} (a later registration of {@code spring.datasource.url} would not win).
     */
    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("narrator.test.h2-url", () -> "jdbc:h2:file:" + DATABASE.resolve("narrator")
                + JobDatabaseConfiguration.H2_OPTIONS);
    }

    @Autowired
    protected NarrationCommand command;

    @Autowired
    protected AkoolSimulator simulator;

    @Autowired
    protected SimulatorSettings simulatorSettings;

    @Autowired
    protected AkoolRequestThrottle throttle;

    /** The key the context's client sends: the simulator's is set back to it before each test. */
    @Value("${simulator.api-key}")
    private String apiKey;

    @TempDir
    protected Path work;

    @BeforeEach
    void calmWeather() {
        throttle.resume(); // an earlier test may have stopped a run: the context's client sends nothing after a stop
        simulator.releaseJobs(); // and may have held Akool's jobs
        simulatorSettings.clearFaults();
        simulatorSettings.forgetRecordings();
        simulatorSettings.setSpeechFormat("16k");
        simulatorSettings.setApiKey(apiKey);
        simulator.setCredits(1e12);
        simulatorSettings.setLatency(Duration.ZERO);
        simulatorSettings.setRequestsPerSecond(0);
        simulatorSettings.setProcessingBase(Duration.ofMillis(150));
        simulatorSettings.setProcessingPerChar(Duration.ZERO);
        simulator.resetCounters();
    }

    protected Path output() {
        return work.resolve("out");
    }

    /** The ledger's name of the output folder (its id), once a run has used it; empty before. */
    protected String scope() {
        return FolderIdentity.of(output()).orElse("");
    }

    protected Path csv(String name, String... lines) throws IOException {
        Path file = work.resolve(name);
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return file;
    }

    /**
     * Waits until {@code condition} holds, checking every few milliseconds; fails, saying what it waited for, once
     * {@code deadline} has passed.
     */
    protected static void awaitUntil(String what, Duration deadline, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("waited " + deadline.toSeconds() + " s for " + what + ", in vain");
            }
            Thread.sleep(5);
        }
    }

    /** An input of {@code count} short rows, {@code r1} to {@code rN}, "{@code text} N." each, read by one voice. */
    protected Path numberedRows(String text, int count) throws IOException {
        List<String> lines = new ArrayList<>(List.of("id,text,voice_id"));
        for (int i = 1; i <= count; i++) {
            lines.add("r" + i + "," + text + " " + i + ".,en-US-Jenny");
        }
        return csv("lessons.csv", lines.toArray(String[]::new));
    }

    /** A port nothing listens on now, for a receiver a test configures before it starts. */
    protected static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected RunOutcome run(Path input) {
        return command.run(input, output());
    }

    protected List<CSVRecord> results() throws IOException {
        return readCsv(output().resolve("results.csv"));
    }

    protected static List<CSVRecord> readCsv(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
    }

    protected List<Path> filesUnder(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    private static Path createDatabaseFolder() {
        try {
            return Files.createTempDirectory("narrator-test-db");
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
