package com.akoolnarrator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar used by someone trying to break it (issue 25): each way once crashed, hung or said something untrue.
 * Whatever goes wrong is one line of the job's own on standard error (no framework report, no stack trace), with the
 * README's exit code, and nothing is sent to Akool where nothing should be.
 */
class HostileUserIT extends PackagedJarSupport {

    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final Path LESSONS = Path.of("sample-input", "course-narration.csv").toAbsolutePath();
    private static final int LESSON_ROWS = 8;

    @AfterEach
    void fairWeather() {
        settings.setHttp429Rate(0);
        settings.setRetryAfter("1");
    }

    /** Every far-away Retry-After's message is AkoolClientTests'; here, that the jar says it in one line and exits 1. */
    @Test
    void retryAfterFarInTheFutureEndsTheRunInOneLine() throws Exception {
        settings.setHttp429Rate(1);
        for (String farAway : List.of("Fri, 31 Dec 9999 23:59:59 GMT")) {
            settings.setRetryAfter(farAway);

            Run run = narrate(work.resolve("out"));

            assertThat(run.exitCode()).as(run.stderr()).isEqualTo(1);
            assertOneLine(run, "longer than akool.max-retry-after (5m)", "Retry-After: " + farAway);
        }
        assertThat(simulator.acceptedSubmissions()).isZero();
    }

    @Test
    void retryAfterOfAnHourEndsTheRunSayingWhenToRunAgain() throws Exception {
        settings.setHttp429Rate(1);
        settings.setRetryAfter("3600");

        Run run = narrate(work.resolve("out"));

        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(1);
        assertOneLine(run, "Akool asks the job to wait until", "run the same command again after");
        assertThat(run.took()).as("no silent hour").isLessThan(Duration.ofSeconds(60));
        assertThat(simulator.acceptedSubmissions()).isZero();
    }

    @Test
    void aStopDuringAPauseAkoolAskedForEndsWithinTheStopTimeout() throws Exception {
        settings.setHttp429Rate(1);
        settings.setRetryAfter("240"); // under the 5 minutes allowed: the run waits, and says so
        Process process = jar(List.of("--input=" + LESSONS, "--output-dir=" + work.resolve("out"),
                "--narrator.stop-timeout=3s")).redirectOutput(work.resolve("stop.out").toFile())
            .redirectError(work.resolve("stop.err").toFile()).start();
        awaitInFile(work.resolve("stop.err"), "Run 1: narrating");
        Thread.sleep(1000); // into the pause

        long stopAt = System.nanoTime();
        process.destroy(); // SIGTERM

        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("the stop is bounded").isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - stopAt)).isLessThan(Duration.ofSeconds(20));
        assertThat(process.exitValue()).isEqualTo(1);
        assertThat(Files.readString(work.resolve("stop.err"))).contains("Stop requested", "at most 3s")
            .doesNotContain("\tat ");
        assertThat(simulator.acceptedSubmissions()).isZero();
    }

    @Test
    void aDatabasePortThatNeverAnswersIsOneLineWithinAMinute() throws Exception {
        try (SilentServer server = SilentServer.start(null)) {
            Run run = narrate(work.resolve("out"), "--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + server.port()
                    + "/narrator", "--spring.datasource.username=narrator", "--spring.datasource.password=hostile-secret-pw",
                    "--narrator.database.connect-timeout=3s");

            assertThat(run.exitCode()).as(run.stderr()).isEqualTo(2);
            assertOneLine(run, "gave no PostgreSQL answer within narrator.database.connect-timeout");
            assertThat(run.took()).isLessThan(Duration.ofSeconds(60));
            assertThat(run.stderr() + run.stdout()).doesNotContain("hostile-secret-pw");
        }
        assertThat(simulator.acceptedSubmissions()).isZero();
    }

    @Test
    void aDatabaseUrlNamingAnotherServiceIsOneLine() throws Exception {
        try (SilentServer ssh = SilentServer.start("SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3\r\n")) {
            Run run = narrate(work.resolve("out"), "--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + ssh.port()
                    + "/narrator", "--spring.datasource.username=narrator", "--spring.datasource.password=hostile-secret-pw",
                    "--narrator.database.connect-timeout=3s");

            assertThat(run.exitCode()).as(run.stderr()).isEqualTo(2);
            assertOneLine(run, "spring.datasource.url");
            assertThat(run.stderr() + run.stdout()).doesNotContain("hostile-secret-pw");
        }
        Run notADatabase = narrate(work.resolve("out"), "--spring.datasource.url=jdbc:mysql://db/narrator?password=pw1");
        assertThat(notADatabase.exitCode()).isEqualTo(2);
        assertOneLine(notADatabase, "spring.datasource.url must be a PostgreSQL address");
        assertThat(notADatabase.stderr()).doesNotContain("pw1");
        assertThat(simulator.acceptedSubmissions()).isZero();
    }

    /** Each setting's check and its line are SettingFailureAnalyzerTests'; here, that the jar prints that line alone. */
    @Test
    void impossibleSettingsAreRefusedWithTheirNames() throws Exception {
        Map<String, String> refused = Map.of(
                "--narrator.chunk-size=0", "narrator.chunk-size must be from 1 to 100000, not '0'",
                "--narrator.poll-min-interval=soon", "narrator.poll-min-interval must be a duration");
        for (var setting : refused.entrySet()) {
            Run run = narrate(work.resolve("out"), setting.getKey());

            assertThat(run.exitCode()).as(run.stderr()).isEqualTo(2);
            assertOneLine(run, setting.getValue(), "See the settings in docs/settings.md.");
        }
        assertThat(simulator.acceptedSubmissions()).isZero();
    }

    @Test
    void aFolderNameWithASemicolonIsANameAndNoneOfItReachesTheJobDatabaseAsSettingsOrSql() throws Exception {
        Path folder = work.resolve("Course 1; Part 2;INIT=CREATE TABLE IF NOT EXISTS PWNED(X INT) --");

        Run run = narrate(folder);

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(results(folder)).hasSize(LESSON_ROWS);
        try (Stream<Path> beside = Files.list(work)) {
            assertThat(beside.map(p -> p.getFileName().toString())).as("nothing written outside the output folder")
                .allMatch(name -> name.equals(folder.getFileName().toString()) || name.startsWith("run"));
        }
        Path copy = Files.copy(folder.resolve(".narrator/narrator.mv.db"), work.resolve("copy.mv.db"));
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + work.resolve("copy")
                + ";ACCESS_MODE_DATA=r", "sa", ""); ResultSet pwned = connection.getMetaData().getTables(null, null, "PWNED", null)) {
            assertThat(pwned.next()).as("the folder's name ran no SQL").isFalse();
        }
        Files.delete(copy);

        Run again = narrate(folder);
        assertThat(again.exitCode()).as(again.stderr()).isZero();
        assertThat(simulator.acceptedSubmissions()).as("the rerun finds its narrations").isEqualTo(LESSON_ROWS);
    }

    @Test
    void aJobFileWithAWindowsPathIsReadLiterally() throws Exception {
        Path windows = Files.writeString(work.resolve("windows.properties"),
                "# saved on Windows\r\nnarrator.input=C:\\users\\narrator\\lessons.csv\r\n");

        Run run = run("--job=" + windows);

        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(2);
        assertOneLine(run, "input file not found: " + work.resolve("C:\\users\\narrator\\lessons.csv"));
        assertThat(run.stdout()).as("standard output is for data").isEmpty();

        Path folder = Files.writeString(work.resolve("folder.properties"),
                "narrator.input=" + LESSONS + "\nnarrator.output-dir=C:\\users\\narrator\\out\n");
        Run elsewhere = run("--job=" + folder);
        assertThat(elsewhere.exitCode()).isEqualTo(2);
        assertOneLine(elsewhere, "narrator.output-dir must be a path with / between its folders on this system");

        Path malformed = Files.writeString(work.resolve("malformed.properties"), "narrator.input=x.csv\nnarrator output\n");
        Run named = run("--job=" + malformed);
        assertThat(named.exitCode()).isEqualTo(2);
        assertOneLine(named, "line 2 of the job file " + malformed);
        assertThat(simulator.acceptedSubmissions()).isZero();
    }

    @Test
    void statusOnAFolderWithoutRunsSaysSoAndOnAMissingFolderIsAUsageError() throws Exception {
        Path empty = Files.createDirectories(work.resolve("empty"));

        Run none = run("status", "--output-dir=" + empty);

        assertThat(none.exitCode()).as(none.stderr()).isZero();
        assertThat(none.stdout()).contains("No run has narrated into it yet");
        assertThat(errors(none)).isEmpty();

        Run missing = run("status", "--output-dir=" + work.resolve("missing"));
        assertThat(missing.exitCode()).isEqualTo(2);
        assertOneLine(missing, "there is no folder " + work.resolve("missing"));
        assertThat(work.resolve("missing")).doesNotExist();
    }

    @Test
    @PostgresSupport.OnPostgres
    void statusOnAFolderWithoutRunsOnPostgresSaysSo() throws Exception {
        Path empty = Files.createDirectories(work.resolve("never-run"));
        List<String> arguments = new ArrayList<>(List.of("status", "--output-dir=" + empty));
        arguments.addAll(PostgresSupport.arguments());

        Run none = run(arguments.toArray(String[]::new));

        assertThat(none.exitCode()).as(none.stderr()).isZero();
        assertThat(none.stdout()).contains("No run has narrated into it yet");
        assertThat(errors(none)).isEmpty();
    }

    @Test
    void resultsThatCannotBePublishedFailTheRunAndLeaveNothingBehind() throws Exception {
        Path out = Files.createDirectories(work.resolve("out"));
        Files.createDirectories(out.resolve("results.csv").resolve("in-the-way"));
        Files.writeString(out.resolve("failed.csv"), "id,text\nstale,from an earlier run\n");

        Run run = narrate(out);

        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(1);
        assertOneLine(run, "cannot write " + out.resolve("results.csv") + ": a folder has that name");
        assertThat(run.stderr()).doesNotContain("results in ");
        assertThat(out.resolve("failed.csv")).content().doesNotContain("stale");
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(name -> name.endsWith(".part"));
        }
        assertThat(simulator.acceptedSubmissions()).isEqualTo(LESSON_ROWS);

        Files.delete(out.resolve("results.csv").resolve("in-the-way"));
        Files.delete(out.resolve("results.csv"));
        Run rerun = narrate(out);
        assertThat(rerun.exitCode()).as(rerun.stderr()).isZero();
        assertThat(results(out)).hasSize(LESSON_ROWS);
        assertThat(simulator.acceptedSubmissions()).as("nothing paid twice").isEqualTo(LESSON_ROWS);
    }

    @Test
    void anInputRewrittenWhileItIsReadIsRefused() throws Exception {
        Path input = work.resolve("export.csv");
        StringBuilder rows = new StringBuilder("id,text,voice_id\n");
        for (int i = 0; i < 200_000; i++) {
            rows.append("row-").append(i).append(",Lesson ").append(i).append(" of the catalogue.,en-US-Jenny\n");
        }
        Files.writeString(input, rows);
        AtomicBoolean exporting = new AtomicBoolean(true);
        Thread export = new Thread(() -> {
            try (RandomAccessFile file = new RandomAccessFile(input.toFile(), "rw")) {
                for (long i = 0; exporting.get(); i++) {
                    file.seek(file.length());
                    file.write(("late-" + i + ",Written while the job reads.,en-US-Jenny\n").getBytes(StandardCharsets.UTF_8));
                    Thread.sleep(1);
                }
            }
            catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        export.start();
        Run run;
        try {
            run = run("--input=" + input, "--output-dir=" + work.resolve("out"));
        }
        finally {
            exporting.set(false);
            export.join(10_000);
        }

        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(2);
        assertOneLine(run, "input file changed while it was read: " + input);
        assertThat(simulator.acceptedSubmissions()).isZero();
        try (Stream<Path> state = Files.list(work.resolve("out").resolve(".narrator"))) {
            assertThat(state.map(f -> f.getFileName().toString())).noneMatch(name -> name.startsWith("input-")
                    || name.startsWith(".input-"));
        }
    }

    @Test
    void aPipeAsInputIsReadOnce() throws Exception {
        Path fifo = work.resolve("lessons.fifo");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        Thread writer = new Thread(() -> { // as an export into a named pipe would
            try (OutputStream out = Files.newOutputStream(fifo)) {
                Files.copy(LESSONS, out);
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        writer.setDaemon(true);
        writer.start();

        Run named = run("--input=" + fifo, "--output-dir=" + work.resolve("from-fifo"));

        assertThat(named.exitCode()).as(named.stderr()).isZero();
        assertThat(results(work.resolve("from-fifo"))).hasSize(LESSON_ROWS)
            .allSatisfy((id, row) -> assertThat(row.get("status")).isEqualTo("SUCCEEDED"));

        Process stdin = jar(List.of("--input=/dev/stdin", "--output-dir=" + work.resolve("from-stdin")))
            .redirectOutput(work.resolve("stdin.out").toFile()).redirectError(work.resolve("stdin.err").toFile()).start();
        try (OutputStream out = stdin.getOutputStream()) {
            Files.copy(LESSONS, out);
        }
        assertThat(stdin.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(stdin.exitValue()).as(Files.readString(work.resolve("stdin.err"))).isZero();
        assertThat(results(work.resolve("from-stdin"))).hasSize(LESSON_ROWS);
        assertThat(simulator.acceptedSubmissions()).isEqualTo(2 * LESSON_ROWS);
    }

    @Test
    void aFailureNothingExplainsIsOneLineWithVerboseForTheTrace() throws Exception {
        Run run = narrate(work.resolve("out"), "--spring.main.sources=com.example.NoSuchApplication");

        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(1);
        assertOneLine(run, "Invalid source 'com.example.NoSuchApplication'", "--verbose for the details");

        Run verbose = narrate(work.resolve("out"), "--spring.main.sources=com.example.NoSuchApplication", "--verbose");
        assertThat(verbose.exitCode()).isEqualTo(1);
        assertThat(verbose.stderr()).contains("\tat ");
        assertThat(simulator.acceptedSubmissions()).isZero();
    }

    private Run narrate(Path output, String... more) throws Exception {
        List<String> arguments = new ArrayList<>(List.of("--input=" + LESSONS, "--output-dir=" + output));
        arguments.addAll(List.of(more));
        return run(arguments.toArray(String[]::new));
    }

    private Run run(String... arguments) throws Exception {
        Path out = Files.createTempFile(work, "run", ".out");
        Path err = Files.createTempFile(work, "run", ".err");
        long start = System.nanoTime();
        Process process = jar(List.of(arguments)).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("the jar did not end within " + DEADLINE + ": " + Files.readString(err));
        }
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err),
                Duration.ofNanos(System.nanoTime() - start));
    }

    /** Standard error says what went wrong in one line of the job's own, and nothing else went wrong. */
    private static void assertOneLine(Run run, String... says) {
        assertThat(run.stderr()).doesNotContain("\tat ", "Caused by:", "Application run failed", "APPLICATION FAILED TO START",
                "***************************");
        List<String> errors = errors(run);
        assertThat(errors).as(run.stderr()).hasSize(1);
        assertThat(errors.get(0)).contains(says);
    }

    /** The lines that say something went wrong: the job's errors, and a usage error said before the log starts. */
    private static List<String> errors(Run run) {
        return run.stderr().lines().filter(line -> line.contains(" ERROR ") || line.startsWith("Cannot run:")).toList();
    }

    private static void awaitInFile(Path file, String text) throws Exception {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!Files.exists(file) || !Files.readString(file).contains(text)) {
            assertThat(System.nanoTime()).as("'" + text + "' in " + file).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private record Run(int exitCode, String stdout, String stderr, Duration took) {
    }

    /** A server that accepts connections and never answers them, or answers with a banner and hangs up. */
    private record SilentServer(ServerSocket socket, List<Socket> accepted) implements AutoCloseable {

        static SilentServer start(String banner) throws IOException {
            SilentServer server = new SilentServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()),
                    new java.util.concurrent.CopyOnWriteArrayList<>());
            Thread acceptor = new Thread(() -> {
                while (!server.socket().isClosed()) {
                    try {
                        Socket connection = server.socket().accept();
                        if (banner != null) {
                            connection.getOutputStream().write(banner.getBytes(StandardCharsets.US_ASCII));
                            connection.close();
                        }
                        else {
                            server.accepted().add(connection);
                        }
                    }
                    catch (IOException closed) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            return server;
        }

        int port() {
            return socket.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            socket.close();
            for (Socket connection : accepted) {
                connection.close();
            }
        }
    }
}
