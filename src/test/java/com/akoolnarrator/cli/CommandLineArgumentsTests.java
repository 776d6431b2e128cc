package com.akoolnarrator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLineArgumentsTests {

    @TempDir
    Path work;

    @Test
    void shortFormsStandForTheNarratorSettingsAndEverythingElsePassesThrough() {
        assertThat(CommandLineArguments.expand(new String[] { "--input=rows.csv", "--output-dir=out", "--dry-run",
            "--format=csv", "--akool.requests-per-second=5" }))
            .containsExactly("--narrator.input=rows.csv", "--narrator.output-dir=out", "--narrator.dry-run=true",
                    "--narrator.format=csv", "--akool.requests-per-second=5");
    }

    @Test
    void aJobFileIsImportedByPathOrByNameFromTheJobsFolder() throws Exception {
        Path file = Files.writeString(work.resolve("mine.properties"), "narrator.input=x.csv\n");

        assertThat(CommandLineArguments.expand(new String[] { "--job=" + file }))
            .containsExactly("--spring.config.import=file:" + file.toAbsolutePath());
        assertThat(CommandLineArguments.resolve("demo")).isEqualTo(Path.of("jobs", "demo.properties").toAbsolutePath());
        assertThat(CommandLineArguments.resolve("nightly")).as("a job with its own folder")
            .isEqualTo(Path.of("jobs", "nightly", "nightly.properties").toAbsolutePath());
    }

    @Test
    void aMissingJobFileNamesWhereItLookedAndTheReadyMadeOnes() {
        assertThatThrownBy(() -> CommandLineArguments.expand(new String[] { "--job=nonesuch" }))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("job file not found").hasMessageContaining("nonesuch.properties")
            .hasMessageContaining("demo, production, nightly");
    }

    @Test
    void defaultsComeFirstSoTheUsersOwnWin() {
        assertThat(CommandLineArguments.withDefaults(new String[] { "--a=user" }, "--a=default"))
            .containsExactly("--a=default", "--a=user");
    }
}
