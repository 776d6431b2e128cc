package com.akoolnarrator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import com.akoolnarrator.simulator.AkoolSimulator;
import com.akoolnarrator.simulator.SimulatorSettings;

/**
 * What tests of the packaged jar share: Akool (the simulator) lives in the test's JVM, so it outlives a process that is
 * killed or loses its database, just as the real service would, and counts every submission it accepts; the jar runs
 * as a user runs it, its output in a log file of the test's folder.
 */
abstract class PackagedJarSupport {

    protected static final String KEY = "it-key-5d1e";
    protected static SimulatorSettings settings;
    protected static AkoolSimulator simulator;

    @TempDir
    protected Path work;

    @BeforeAll
    static void startAkool() throws IOException {
        settings = new SimulatorSettings();
        settings.setApiKey(KEY);
        simulator = new AkoolSimulator(settings).start();
    }

    @AfterAll
    static void stopAkool() {
        simulator.close();
    }

    @BeforeEach
    void resetCounts() {
        simulator.resetCounters();
    }

    /** Starts {@code java -jar target/akool-narrator.jar} against the simulator with these arguments. */
    protected Process startJar(String logName, List<String> arguments) throws IOException {
        return jar(arguments).redirectErrorStream(true).redirectOutput(work.resolve(logName).toFile()).start();
    }

    /** {@code java -jar target/akool-narrator.jar}, against the simulator with its key, in the test's folder. */
    protected ProcessBuilder jar(List<String> arguments) {
        List<String> command = new ArrayList<>(List.of("--akool.base-url=" + simulator.baseUrl()));
        command.addAll(arguments);
        command = PackagedJar.command(command);
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile());
        builder.environment().put("AKOOL_API_KEY", KEY);
        return builder;
    }

    protected static void waitForAcceptedSubmissions(long count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (simulator.acceptedSubmissions() < count) {
            assertThat(System.nanoTime()).as("the job submits").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    protected Map<String, CSVRecord> results(Path folder) throws IOException {
        try (var reader = Files.newBufferedReader(folder.resolve("results.csv"))) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords().stream()
                .collect(Collectors.toMap(r -> r.get("id"), Function.identity()));
        }
    }

    protected String log(String name) {
        try {
            return Files.readString(work.resolve(name));
        }
        catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
