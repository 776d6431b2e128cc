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
    void theOptionsBecomeATypedRunAndDottedSettingsPassThroughToSpringBoot() {
        Launch launch = launch("--input=rows.csv", "--output-dir=out", "--dry-run", "--lexicon=terms.csv",
                "--akool.requests-per-second=5");
        assertThat(launch.command())
            .isEqualTo(new Command.Run(Path.of("rows.csv"), "out", true, Path.of("terms.csv")));
        assertThat(launch.springArguments()).containsExactly("--akool.requests-per-second=5");
        assertThat(launch("run", "--input", "rows.csv").command())
            .isEqualTo(new Command.Run(Path.of("rows.csv"), null, false, null));
    }

    @Test
    void voicesAndStatusAreCommandsWithOptionsOfTheirOwn() {
        assertThat(launch("voices", "--format=csv").command()).isEqualTo(new Command.Voices(Command.Voices.Format.csv));
        assertThat(launch("status", "--output-dir=out", "--format=json").command())
            .isEqualTo(new Command.Status("out", Command.Status.Format.json));
        assertThat(launch("status", "--verbose").springArguments()).contains("--logging.level.root=INFO");
    }

    @Test
    void aMisspeltSettingOfTheJobIsOneLineWithTheNearestValidOneAndOthersPassThrough() throws Exception {
        assertThat(((Failed) NarratorCommandLine.parse("--narrator.chunk-sise=10")).message())
            .contains("unknown setting 'narrator.chunk-sise'", "did you mean narrator.chunk-size?");
        assertThat(((Failed) NarratorCommandLine.parse("--akool.retry.max-retrys=2")).message())
            .contains("did you mean akool.retry.max-retries?");
        assertThat(launch("--akool.requestsPerSecond=5", "--logging.level.root=INFO", "--simulator.latency=5ms")
            .springArguments()).hasSize(3);
        Path file = Files.writeString(work.resolve("typo.properties"), "narrator.input=x.csv\nnarrator.outptu-dir=o\n");
        assertThat(((Failed) NarratorCommandLine.parse("--job=" + file)).message())
            .contains("unknown setting 'narrator.outptu-dir' in the job file", "did you mean narrator.output-dir?");
    }

    @Test
    void aJobFileIsReadByPathOrByNameFromTheJobsFolder() throws Exception {
        Path file = Files.writeString(work.resolve("mine.properties"), "narrator.input=x.csv\n");

        assertThat(launch("--job=" + file).jobFile()).hasValueSatisfying(job -> {
            assertThat(job.path()).isEqualTo(file.toAbsolutePath());
            assertThat(job.settings()).containsEntry("narrator.input", "x.csv");
        });
        assertThat(NarratorCommandLine.resolve("demo")).isEqualTo(Path.of("jobs", "demo.properties").toAbsolutePath());
        assertThat(NarratorCommandLine.resolve("nightly")).as("a job with its own folder")
            .isEqualTo(Path.of("jobs", "nightly", "nightly.properties").toAbsolutePath());
    }

    @Test
    void aJobFileIsReadLiterallyAWindowsPathIncludedAndAMalformedLineIsNamed() throws Exception {
        Path file = Files.writeString(work.resolve("windows.properties"), "\uFEFF# a job file saved on Windows\r\n"
                + "narrator.output-dir=C:\\users\\narrator\\out\r\n! another comment\r\n\r\n"
                + "akool.base-url: https://openapi.akool.com\r\n");
        assertThat(launch("--job=" + file).jobFile().orElseThrow().settings())
            .containsEntry("narrator.output-dir", "C:\\users\\narrator\\out")
            .containsEntry("akool.base-url", "https://openapi.akool.com").hasSize(2);

        Path malformed = Files.writeString(work.resolve("malformed.properties"), "narrator.input=x.csv\nthis is no setting\n");
        assertThat(((Failed) NarratorCommandLine.parse("--job=" + malformed)).message())
            .contains("line 2 of the job file", "malformed.properties", "'this is no setting'", "name=value");
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
