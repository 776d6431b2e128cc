package com.akoolnarrator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * {@link ProcessRestartIT} with the state on PostgreSQL, and what a database server adds: one run per output folder
 * across processes, runs on different folders side by side.
 */
@PostgresSupport.OnPostgres
class ProcessRestartOnPostgresIT extends ProcessRestartIT {

    @Override
    protected List<String> databaseArguments() {
        return PostgresSupport.arguments();
    }

    @Test
    void aSecondProcessOnTheSameFolderIsRefusedNamingTheFirstWhichFinishes() throws Exception {
        Path input = input();
        Process first = start(input, work.resolve("out"), "first.log");
        waitForAcceptedSubmissions(10);

        Process second = start(input, work.resolve("out"), "second.log");
        assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(second.exitValue()).as(log("second.log")).isEqualTo(1);
        assertThat(log("second.log")).contains("Another run is using this output folder", "process " + first.pid());
        assertThat(first.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(first.exitValue()).as(log("first.log")).isZero();
        assertThat(simulator.duplicateSubmissions()).isZero();
    }

    @Test
    void aSecondProcessOnTheSameFolderThroughASymlinkIsRefusedToo() throws Exception {
        Path input = input();
        Path folder = work.resolve("out");
        Process first = start(input, folder, "first.log");
        waitForAcceptedSubmissions(10);
        Path link = Files.createSymbolicLink(work.resolve("link"), folder);

        Process second = start(input, link, "second.log");
        assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(second.exitValue()).as(log("second.log")).isEqualTo(1);
        assertThat(log("second.log")).contains("Another run is using this output folder", "process " + first.pid());
        assertThat(first.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(first.exitValue()).as(log("first.log")).isZero();
        assertThat(simulator.duplicateSubmissions()).isZero();
    }

    @Test
    void processesOnDifferentFoldersShareTheDatabaseAndBothFinish() throws Exception {
        Path input = input();
        Process one = start(input, work.resolve("one"), "one.log");
        Process two = start(input, work.resolve("two"), "two.log");

        assertThat(one.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(two.waitFor(120, TimeUnit.SECONDS)).isTrue();

        assertThat(one.exitValue()).as(log("one.log")).isZero();
        assertThat(two.exitValue()).as(log("two.log")).isZero();
        assertThat(log("one.log") + log("two.log")).doesNotContain("could not serialize");
        assertThat(results(work.resolve("one"))).hasSize(ROWS);
        assertThat(results(work.resolve("two"))).hasSize(ROWS);
    }
}
