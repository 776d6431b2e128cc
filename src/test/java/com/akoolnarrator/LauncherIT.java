package com.akoolnarrator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./akool-narrator}, the launcher: it runs the jar that {@code package} extracted into {@code target/app} with the
 * class data sharing archive a training run left beside it, and without one when there is none. The test trains an
 * archive of its own (the build trains one only when it skips the tests), beside links to the build's extracted jar.
 */
class LauncherIT {

    private static final Path LAUNCHER = Path.of("akool-narrator").toAbsolutePath();
    private static final Path EXTRACTED = Path.of("target", "app").toAbsolutePath();

    @TempDir
    Path home;

    @Test
    void theLauncherRunsTheExtractedJarWithTheArchiveOfATrainingRunAndWithoutOneWhenThereIsNone() throws Exception {
        Path app = Files.createDirectories(home.resolve("target/app"));
        Files.copy(LAUNCHER, home.resolve("akool-narrator"));
        Files.createSymbolicLink(app.resolve("akool-narrator.jar"), EXTRACTED.resolve("akool-narrator.jar"));
        Files.createSymbolicLink(app.resolve("lib"), EXTRACTED.resolve("lib"));

        Run withoutArchive = launch("--version");
        assertThat(withoutArchive.exitCode()).as(withoutArchive.output()).isZero();
        assertThat(withoutArchive.output()).contains("akool-narrator 0.1.0-SNAPSHOT").doesNotContain("shared objects file (top)");

        Process training = new ProcessBuilder(PackagedJar.java(), "-XX:ArchiveClassesAtExit=" + app.resolve("akool-narrator.jsa"),
                "-jar", app.resolve("akool-narrator.jar").toString(), "--version").redirectErrorStream(true)
            .redirectOutput(home.resolve("training.log").toFile()).start();
        assertThat(training.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(app.resolve("akool-narrator.jsa")).as(Files.readString(home.resolve("training.log"))).isRegularFile();

        Run withArchive = launch("--version");
        assertThat(withArchive.exitCode()).as(withArchive.output()).isZero();
        assertThat(withArchive.output()).contains("akool-narrator 0.1.0-SNAPSHOT")
            .as("the program's own classes come from the training run's archive")
            .containsPattern("com\\.akoolnarrator\\.\\S+ source: shared objects file \\(top\\)");
    }

    @Test
    void aLauncherWithoutABuildSaysWhatToRun() throws Exception {
        Files.copy(LAUNCHER, home.resolve("akool-narrator"));

        Run run = launch("--help");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.output().strip()).isEqualTo("Cannot run: akool-narrator is not built yet: run ./mvnw -B -q package"
                + " -DskipTests first");
    }

    /** The launcher copied into the test's folder, each class it loads said (-Xlog:class+load). */
    private Run launch(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("sh", home.resolve("akool-narrator").toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("JAVA_OPTS", "-Xlog:class+load=info");
        builder.environment().put("JAVA_HOME", Path.of(PackagedJar.java()).getParent().getParent().toString());
        Path log = home.resolve("launch.log");
        Process process = builder.directory(home.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the launcher ends").isTrue();
        return new Run(process.exitValue(), Files.readString(log));
    }

    private record Run(int exitCode, String output) {
    }
}
