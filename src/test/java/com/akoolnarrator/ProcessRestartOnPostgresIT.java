package com.akoolnarrator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * {@link ProcessRestartIT} with the state on PostgreSQL, and what a database server adds: one run per output folder
 * across processes, runs on different folders side by side, a dropped database rebuilt from the folder.
 */
@PostgresSupport.OnPostgres
class ProcessRestartOnPostgresIT extends ProcessRestartIT {

    @Override
    protected List<String> databaseArguments() {
        return PostgresSupport.arguments();
    }

    @Test
    void aSecondProcessOnTheSameFolderDirectlyOrThroughASymlinkIsRefusedNamingTheFirstWhichFinishes() throws Exception {
        simulator.holdJobs(); // the first run is certainly still working when the others ask for the folder
        Path input = input();
        Path folder = work.resolve("out");
        Process first = start(input, folder, "first.log");
        waitForAcceptedSubmissions(10);
        Path link = Files.createSymbolicLink(work.resolve("link"), folder);

        Process second = start(input, folder, "second.log");
        assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
        Process throughLink = start(input, link, "link.log"); // after the second: each would see the other asking
        assertThat(throughLink.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(second.exitValue()).as(log("second.log")).isEqualTo(1);
        assertThat(log("second.log")).contains("Another run is using this output folder", "process " + first.pid());
        assertThat(throughLink.exitValue()).as(log("link.log")).isEqualTo(1);
        assertThat(log("link.log")).contains("Another run is using this output folder", "process " + first.pid());
        simulator.releaseJobs();
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

    @Test
    void aDroppedDatabaseCostsNothingTheFolderRebuildsWhatItKnew() throws Exception {
        PostgresSupport.Schema schema = PostgresSupport.createSchema("dropped");
        try {
            List<String> database = List.of("--spring.datasource.url=" + schema.url(),
                "--spring.datasource.username=" + PostgresSupport.USER,
                "--spring.datasource.password=" + PostgresSupport.PASSWORD);
            Path input = input();
            Path folder = work.resolve("out");
            Process first = startJar("first.log", arguments(input, folder, database));
            assertThat(first.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(first.exitValue()).as(log("first.log")).isZero();
            long created = simulator.acceptedSubmissions();

            schema.drop();
            PostgresSupport.execute("CREATE SCHEMA " + schema.name());
            Process second = startJar("second.log", arguments(input, folder, database));
            assertThat(second.waitFor(120, TimeUnit.SECONDS)).isTrue();

            assertThat(second.exitValue()).as(log("second.log")).isZero();
            assertThat(simulator.acceptedSubmissions()).as("no row submitted again").isEqualTo(created);
            assertThat(log("second.log")).contains("Recovered " + ROWS + " rows from the output folder");
            assertThat(results(folder).values()).extracting(r -> r.get("status")).containsOnly("SUCCEEDED");
        }
        finally {
            schema.drop();
        }
    }

    private static List<String> arguments(Path input, Path folder, List<String> database) {
        List<String> arguments = new java.util.ArrayList<>(List.of("--input=" + input, "--output-dir=" + folder,
                "--akool.requests-per-second=20", "--narrator.poll-min-interval=200ms"));
        arguments.addAll(database);
        return arguments;
    }
}
