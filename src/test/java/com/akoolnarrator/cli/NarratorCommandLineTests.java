package com.akoolnarrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.akoolnarrator.cli.NarratorCommandLine.Failed;
import com.akoolnarrator.cli.NarratorCommandLine.Launch;
import com.akoolnarrator.cli.NarratorCommandLine.Printed;

class NarratorCommandLineTests {

    @TempDir
    Path work;

    private static Launch launch(String... args) {
        return (Launch) NarratorCommandLine.parse(args);
    }

    @Test
    void theOptionsBecomeTheNarratorSettingsAndDottedSettingsPassThrough() {
        assertThat(launch("--input=rows.csv", "--output-dir=out", "--dry-run", "--akool.requests-per-second=5")
            .springArguments())
            .containsExactly("--narrator.command=narrate", "--narrator.input=rows.csv", "--narrator.output-dir=out",
                    "--narrator.dry-run=true", "--akool.requests-per-second=5");
        assertThat(launch("run", "--input", "rows.csv").springArguments())
            .containsExactly("--narrator.command=narrate", "--narrator.input=rows.csv");
    }

    @Test
    void voicesAndStatusAreCommandsWithOptionsOfTheirOwn() {
        assertThat(launch("voices", "--format=csv").springArguments())
            .contains("--narrator.command=voices", "--narrator.format=csv", "--spring.datasource.url=jdbc:h2:mem:voices");
        assertThat(launch("status", "--output-dir=out", "--format=json").springArguments())
            .containsExactly("--narrator.command=status", "--narrator.format=json", "--narrator.output-dir=out");
        assertThat(launch("status", "--verbose").springArguments()).contains("--logging.level.root=INFO");
    }

    @Test
    void aJobFileIsImportedByPathOrByNameFromTheJobsFolder() throws Exception {
        Path file = Files.writeString(work.resolve("mine.properties"), "narrator.input=x.csv\n");

        assertThat(launch("--job=" + file).springArguments()).contains("--spring.config.import=file:" + file.toAbsolutePath());
        assertThat(NarratorCommandLine.resolve("demo")).isEqualTo(Path.of("jobs", "demo.properties").toAbsolutePath());
        assertThat(NarratorCommandLine.resolve("nightly")).as("a job with its own folder")
            .isEqualTo(Path.of("jobs", "nightly", "nightly.properties").toAbsolutePath());
    }

    @Test
    void aMissingJobFileNamesWhereItLookedAndTheReadyMadeOnes() {
        assertThat(((Failed) NarratorCommandLine.parse("--job=nonesuch")).message())
            .contains("job file not found", "nonesuch.properties", "demo, production, nightly");
    }

    @Test
    void aMisspeltOptionOrCommandIsOneLineWithTheNearestValidOne() {
        assertThat(((Failed) NarratorCommandLine.parse("--ouput-dir=out")).message())
            .contains("--ouput-dir", "did you mean --output-dir?", "See --help.").doesNotContain("\n");
        assertThat(((Failed) NarratorCommandLine.parse("stauts")).message()).contains("stauts", "did you mean status?");
        assertThat(((Failed) NarratorCommandLine.parse("status", "--fromat=json")).message())
            .contains("did you mean --format?", "See help status or --help.");
    }

    @Test
    void helpNamesTheCommandsTheMainOptionsAndTheExitCodesAndEachCommandHasItsOwn() {
        String usage = ((Printed) NarratorCommandLine.parse("--help")).text();

        assertThat(usage).contains("Usage: akool-narrator", "run", "voices", "status", "simulator", "benchmark", "--input",
                "--output-dir", "--dry-run", "--job", "--version", "Exit codes: 0", "README.md");
        assertThat(((Printed) NarratorCommandLine.parse("-h")).text()).isEqualTo(usage);
        assertThat(((Printed) NarratorCommandLine.parse("help")).text()).isEqualTo(usage);
        assertThat(((Printed) NarratorCommandLine.parse("help", "status")).text()).contains("Usage: akool-narrator status",
                "--format", "--output-dir");
    }

    @Test
    void versionSaysTheVersionAndTheAkoolApiItSpeaks() {
        assertThat(((Printed) NarratorCommandLine.parse("--version")).text())
            .contains("akool-narrator", "Akool OpenAPI v3");
    }
}
