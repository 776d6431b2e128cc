package com.akoolnarrator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar as a command-line tool: help, version and typos create nothing; a run is quiet. */
class CommandLineIT {

    @TempDir
    Path work;

    @Test
    void helpAndVersionPrintAndExitZeroLeavingTheWorkingFolderEmpty() throws Exception {
        Run help = jar(work, "--help");
        Run version = jar(work, "--version");
        Run statusHelp = jar(work, "help", "status");

        assertThat(help.exitCode()).isZero();
        assertThat(help.output()).contains("Usage: akool-narrator", "voices", "status", "Exit codes");
        assertThat(version.exitCode()).isZero();
        assertThat(version.output()).contains("akool-narrator 0.1.0-SNAPSHOT", "Akool OpenAPI v3");
        assertThat(statusHelp.output()).contains("Usage: akool-narrator status");
        assertThat(filesIn(work)).isEmpty();
    }

    @Test
    void anUnknownOptionIsOneLineWithTheNearestValidOneExitTwoAndNothingCreated() throws Exception {
        Run typo = jar(work, "--ouput-dir=out", "--input=x.csv");

        assertThat(typo.exitCode()).isEqualTo(2);
        assertThat(typo.output().strip()).isEqualTo("Cannot run: Unknown option: '--ouput-dir=out'; did you mean"
                + " --output-dir? See --help.");
        assertThat(filesIn(work)).isEmpty();
    }

    @Test
    void callbacksThatCannotWorkAreOneLineExitTwoAndNothingCreated() throws Exception {
        Run receiverOnH2 = jar(work, "webhook-receiver", "--narrator.webhook.url=https://narrator.example/cb");
        Path input = Files.writeString(work.resolve("lessons.csv"), "id,text,voice_id\na,Alpha.,en-US-Jenny\n");
        Run noClientId = jar(work, "--input=" + input, "--output-dir=out", "--akool.api-key=0123456789abcdefghijklmnopqrstuv",
                "--narrator.webhook.url=https://narrator.example/cb");
        Run shortKey = jar(work, "--input=" + input, "--output-dir=out", "--akool.api-key=short-key-1234",
                "--akool.client-id=client", "--narrator.webhook.url=https://narrator.example/cb");

        assertThat(receiverOnH2.exitCode()).as(receiverOnH2.output()).isEqualTo(2);
        assertThat(receiverOnH2.output()).contains("webhook-receiver writes into a job database on a PostgreSQL server");
        assertThat(noClientId.exitCode()).as(noClientId.output()).isEqualTo(2);
        assertThat(noClientId.output()).contains("narrator.webhook.url needs akool.client-id").doesNotContain("Exception");
        assertThat(shortKey.exitCode()).as(shortKey.output()).isEqualTo(2);
        assertThat(shortKey.output()).contains("16, 24 or 32 bytes").doesNotContain("short-key-1234");
        assertThat(filesIn(work)).containsExactly(input);
    }

    @Test
    void aMissingInputFileOrKeyCreatesNothing() throws Exception {
        Run missing = jar(work, "--input=nope.csv", "--output-dir=out");
        Path input = Files.writeString(work.resolve("lessons.csv"), "id,text,voice_id\na,Alpha.,en-US-Jenny\n");
        Run noKey = jar(work, "--input=" + input, "--output-dir=out");

        assertThat(missing.exitCode()).as(missing.output()).isEqualTo(2);
        assertThat(missing.output()).contains("input file not found");
        assertThat(noKey.exitCode()).as(noKey.output()).isEqualTo(2);
        assertThat(noKey.output()).contains("no Akool credentials");
        assertThat(filesIn(work)).containsExactly(input);
    }

    @Test
    void aNormalRunPrintsTheJobsOwnLinesAndNoneOfTheFrameworks() throws Exception {
        Run demo = jar(Path.of("").toAbsolutePath(), "--job=demo", "--output-dir=" + work.resolve("out"));

        assertThat(demo.exitCode()).as(demo.output()).isZero();
        assertThat(demo.output()).contains("Run 1: narrating", "Done: 8 rows: 8 succeeded")
            .doesNotContain("Starting NarratorApplication", "Started NarratorApplication", "HikariPool", "FlowJob",
                    "Step: [");
        Run verbose = jar(Path.of("").toAbsolutePath(), "--job=demo", "--output-dir=" + work.resolve("out"), "--verbose");
        assertThat(verbose.output()).contains("Starting NarratorApplication", "HikariPool");
    }

    @Test
    void statusReadsTheJobDatabaseWithoutWritingAByteAlsoOnAReadOnlyMountAndMigratesAnOlderOneFirst() throws Exception {
        Path out = work.resolve("out");
        assertThat(jar(Path.of("").toAbsolutePath(), "--job=demo", "--output-dir=" + out).exitCode()).isZero();
        Path database = out.resolve(".narrator/narrator.mv.db");
        byte[] before = Files.readAllBytes(database);
        long modified = Files.getLastModifiedTime(database).toMillis();

        Run status = jar(work, "status", "--output-dir=" + out);

        assertThat(status.exitCode()).as(status.output()).isZero();
        assertThat(status.output()).contains("Run 1: 8 rows: 8 succeeded");
        assertThat(Files.readAllBytes(database)).as("byte for byte as it was").isEqualTo(before);
        assertThat(Files.getLastModifiedTime(database).toMillis()).isEqualTo(modified);

        Path readOnly = Files.createDirectories(work.resolve("read-only"));
        if (mountReadOnly(out, readOnly)) { // a backup snapshot, a read-only mount: status reads it as it is
            try {
                Run snapshot = jar(work, "status", "--output-dir=" + readOnly);
                assertThat(snapshot.exitCode()).as(snapshot.output()).isZero();
                assertThat(snapshot.output()).contains("Run 1: 8 rows: 8 succeeded");
            }
            finally {
                new ProcessBuilder("umount", readOnly.toString()).start().waitFor(30, TimeUnit.SECONDS);
            }
        }

        Path older = Files.createDirectories(work.resolve("older/.narrator"));
        Files.copy(Path.of("src/test/resources/fixtures/ledger-v2/narrator.mv.db"), older.resolve("narrator.mv.db"));
        Run migrated = jar(work, "status", "--output-dir=" + older.getParent());
        assertThat(migrated.exitCode()).as(migrated.output()).isZero();
    }

    /** {@code folder} seen read-only at {@code at}: a bind mount, which needs root (as .ci/run is); false without. */
    private static boolean mountReadOnly(Path folder, Path at) throws Exception {
        if (!"root".equals(System.getProperty("user.name"))) {
            System.out.println("status on a read-only mount not tried: mounting needs root");
            return false;
        }
        Process bind = new ProcessBuilder("sh", "-c", "mount --bind '" + folder + "' '" + at + "' && mount -o remount,ro,bind '"
                + at + "'").redirectErrorStream(true).start();
        return bind.waitFor(30, TimeUnit.SECONDS) && bind.exitValue() == 0;
    }

    private static List<Path> filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return new ArrayList<>(files.filter(p -> !p.equals(folder)).filter(p -> !p.getFileName().toString().startsWith("jar-"))
                .toList());
        }
    }

    private Run jar(Path directory, String... args) throws IOException, InterruptedException {
        List<String> command = PackagedJar.command(args);
        Path log = Files.createTempFile("jar-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
            .redirectOutput(log.toFile());
        builder.environment().remove("AKOOL_API_KEY");
        Process process = builder.start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the command ends").isTrue();
        String output = Files.readString(log);
        Files.delete(log);
        return new Run(process.exitValue(), output);
    }

    private record Run(int exitCode, String output) {
    }
}
