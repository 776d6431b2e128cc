package com.akoolnarrator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar meeting a folder it cannot use: one line that says what to do, the right exit code, no stack trace. */
class StartupFailuresIT {

    @TempDir
    Path work;

    @Test
    void anOutputFolderThatIsAFileIsAUsageErrorInOneLine() throws Exception {
        Path file = Files.writeString(work.resolve("out"), "not a folder");

        Run run = demo(file);

        assertThat(run.exitCode()).as(run.output()).isEqualTo(2);
        assertThat(run.output()).contains("Cannot run: the output folder " + file + " cannot be used: it is a file, not a"
                + " folder; give another --output-dir, or fix this one");
        assertNoStackTrace(run);
    }

    @Test
    void aDamagedJobDatabaseIsNamedWithWhatToDoInOneLineAndMovedAsideCostsNothing() throws Exception {
        Path out = work.resolve("out");
        assertThat(demo(out).exitCode()).isZero();
        Path database = out.resolve(".narrator/narrator.mv.db");
        try (RandomAccessFile truncated = new RandomAccessFile(database.toFile(), "rw")) {
            truncated.setLength(4096); // the file's header and nothing else, as a full disk can leave it
        }

        Run run = demo(out);

        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        assertThat(run.output()).contains("Cannot run: The job database " + database + " is damaged",
                "move " + out.resolve(".narrator") + " aside", "the MP3s already written stay and are recognised");
        assertNoStackTrace(run);

        Files.move(out.resolve(".narrator"), out.resolve(".narrator.damaged"));
        Run afresh = demo(out);

        assertThat(afresh.exitCode()).as(afresh.output()).isZero();
        assertThat(afresh.output()).as("nothing is narrated again").contains("Recovered 8 rows from the output folder",
                "8 succeeded, 0 failed, 0 invalid; 0 characters narrated");
    }

    private static void assertNoStackTrace(Run run) {
        assertThat(run.output()).doesNotContain("\tat ", "Exception:", "APPLICATION FAILED TO START");
        assertThat(run.output().lines().filter(line -> line.contains("ERROR")).toList()).as(run.output()).hasSize(1);
    }

    private Run demo(Path output) throws IOException, InterruptedException {
        Path log = Files.createTempFile(work, "run", ".log");
        Process process = new ProcessBuilder(PackagedJar.command("--job=demo", "--output-dir=" + output))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the demo ends").isTrue();
        return new Run(process.exitValue(), Files.readString(log));
    }

    private record Run(int exitCode, String output) {
    }
}
