package com.akoolnarrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;


/**
 * The packaged jar when what it records on fails in the middle of submitting: the disk under the H2 file fills up,
 * the PostgreSQL server goes away. Nothing more is sent once the ledger could not record it, and no row is paid twice:
 * on a full disk the run waits, saying so in one line, and goes on once space is freed; without its server it ends
 * with one line and exit 1, and the same command afterwards finishes.
 */
class LedgerOutageIT extends PackagedJarSupport {

    private static final int ROWS = 40;

    /**
     * Akool's jobs take a second, so that rows are at Akool when the database fails. Not held until released: the poll
     * schedule would learn that jobs take minutes, and the polls of the held ones would take the run's request budget.
     */
    @BeforeEach
    void rowsStayAtAkoolWhileTheDatabaseFails() {
        settings.setLatency(Duration.ofMillis(20));
        settings.setProcessingBase(Duration.ofSeconds(1));
        settings.setProcessingPerChar(Duration.ZERO);
    }

    @Test
    void aDiskFillingUpUnderTheJobDatabaseStopsTheSpendingUntilSpaceIsFreedAndNoRowIsPaidTwice() throws Exception {
        Path disk = Files.createDirectories(work.resolve("disk"));
        assumeTrue(mount(disk), "needs root to mount a small tmpfs (a disk that fills up); skipped here");
        Process run = null;
        try {
            Path out = disk.resolve("out");
            run = start(input(), out, "run.log", List.of("--narrator.min-free-disk=16MB"));
            waitForAcceptedSubmissions(12);
            fill(disk.resolve("filler"), 8L << 20);
            awaitLog("run.log", "The output disk is full");
            long paid = simulator.acceptedSubmissions();
            Thread.sleep(3000);
            assertThat(simulator.acceptedSubmissions()).as("no new request while the disk is full: at most those in flight")
                .isLessThanOrEqualTo(paid + 8).isLessThan(ROWS);
            Files.delete(disk.resolve("filler"));

            assertThat(run.waitFor(180, TimeUnit.SECONDS)).as(log("run.log")).isTrue();
            assertThat(run.exitValue()).as(log("run.log")).isZero();
            assertThat(log("run.log")).contains("free space and the run goes on", "The output disk has room again")
                .doesNotContain("\tat ");
            assertThat(simulator.duplicateSubmissions()).as("no row paid twice").isZero();
            assertThat(results(out).values()).hasSize(ROWS).allSatisfy(row -> assertThat(row.get("status")).isEqualTo("SUCCEEDED"));
        }
        finally {
            if (run != null) {
                run.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
            new ProcessBuilder("umount", "-l", disk.toString()).start().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    @PostgresSupport.OnPostgres
    void aDatabaseServerGoneMidSubmissionStopsTheSpendingAndTheRerunPaysForNothingTwice() throws Exception {
        URI server = URI.create(PostgresSupport.URL.substring("jdbc:".length()));
        try (TcpProxy proxy = new TcpProxy(server.getHost(), server.getPort())) {
            String url = PostgresSupport.forkUrl().replace(server.getHost() + ":" + server.getPort(), "127.0.0.1:" + proxy.port());
            // a connection is waited for a second, not the default five: each of the ledger's tries, and the stop after
            // its last, wait that long for a server that refuses every connection
            List<String> database = List.of("--spring.datasource.url=" + url,
                    "--spring.datasource.username=" + PostgresSupport.USER,
                    "--spring.datasource.password=" + PostgresSupport.PASSWORD,
                    "--spring.datasource.hikari.connection-timeout=1000");
            Path out = work.resolve("out");
            Path input = input();
            Process first = start(input, out, "first.log", database);
            waitForAcceptedSubmissions(12);
            proxy.cut();

            boolean ended = first.waitFor(240, TimeUnit.SECONDS);
            if (!ended) {
                first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
            assertThat(ended).as("the run ends by itself: " + log("first.log")).isTrue();
            assertThat(first.exitValue()).as(log("first.log")).isEqualTo(1);
            assertThat(log("first.log")).contains("the job database is not answering", "no new request is sent to Akool")
                .doesNotContain("\tat ").doesNotContain(PostgresSupport.PASSWORD);
            assertThat(simulator.acceptedSubmissions()).as("the spending stopped").isLessThan(ROWS);
            proxy.resume();

            Process second = start(input, out, "second.log", database);
            assertThat(second.waitFor(180, TimeUnit.SECONDS)).isTrue();

            assertThat(second.exitValue()).as(log("second.log")).isZero();
            assertThat(simulator.duplicateSubmissions()).as("no row paid twice").isZero();
            assertThat(results(out).values()).hasSize(ROWS).allSatisfy(row -> assertThat(row.get("status")).isEqualTo("SUCCEEDED"));
        }
    }

    private static boolean mount(Path disk) throws Exception {
        if (!"root".equals(System.getProperty("user.name"))) {
            return false;
        }
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", disk.toString())
            .redirectErrorStream(true).start();
        return mount.waitFor(30, TimeUnit.SECONDS) && mount.exitValue() == 0;
    }

    /** Takes the disk's free space, but for {@code left} bytes. */
    private static void fill(Path filler, long left) throws IOException {
        byte[] block = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (Files.getFileStore(filler).getUsableSpace() > left + block.length) {
                out.write(block);
                out.flush();
            }
        }
    }

    private void awaitLog(String name, String line) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!log(name).contains(line)) {
            assertThat(System.nanoTime()).as("the run says: " + line + "\n" + log(name)).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private Path input() throws IOException {
        List<String> lines = new ArrayList<>(List.of("id,text,voice_id"));
        for (int i = 1; i <= ROWS; i++) {
            lines.add("lesson-" + i + ",This is lesson " + i + " of the course.,en-US-Jenny");
        }
        return Files.write(work.resolve("course.csv"), lines, StandardCharsets.UTF_8);
    }

    private Process start(Path input, Path output, String logName, List<String> database) throws IOException {
        List<String> arguments = new ArrayList<>(List.of("--input=" + input, "--output-dir=" + output,
                "--akool.requests-per-second=8", "--narrator.chunk-size=5", "--narrator.poll-min-interval=200ms",
                "--narrator.submit-threads=4"));
        arguments.addAll(database);
        return startJar(logName, arguments);
    }
}
