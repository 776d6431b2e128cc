package com.akoolnarrator;

import static com.akoolnarrator.DatabaseRows.column;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A ledger of schema version 2, made by the release before Flyway, is taken over and upgraded with every row kept. */
class LedgerUpgradeIT {

    /** Where the release that made the fixture narrated the demo: the ledger's scope of its rows. */
    private static final String FIXTURE_FOLDER = "/tmp/v2fix/out";

    @TempDir
    Path work;

    @Test
    void aVersion2LedgerIsMigratedByFlywayAndItsRunsRowsAndStatesAreReadAsBefore() throws Exception {
        Path database = work.resolve("narrator.mv.db");
        Files.copy(Path.of("src/test/resources/fixtures/ledger-v2/narrator.mv.db"), database);
        String url = "jdbc:h2:file:" + work.resolve("narrator");

        Path log = work.resolve("status.log");
        Process status = new ProcessBuilder(PackagedJar.command("status", "--output-dir=" + FIXTURE_FOLDER, "--format=json",
                "--spring.datasource.url=" + url))
            .redirectOutput(log.toFile()).redirectError(work.resolve("status.err").toFile()).start();
        assertThat(status.waitFor(120, TimeUnit.SECONDS)).isTrue();

        assertThat(status.exitValue()).as(Files.readString(work.resolve("status.err"))).isZero();
        JsonNode json = JsonMapper.builder().build().readTree(Files.readString(log));
        assertThat(json.path("runs")).hasSize(1);
        assertThat(json.path("runs").get(0).path("status").asString()).isEqualTo("COMPLETED");
        assertThat(json.path("lastRun").path("rows").path("total").asLong()).isEqualTo(8);
        assertThat(json.path("lastRun").path("rows").path("succeeded").asLong()).isEqualTo(8);
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            assertThat(column(connection, "SELECT COUNT(*) FROM NARRATION WHERE STATE = 'DOWNLOADED'")).containsExactly("8");
            assertThat(column(connection, "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" AND \"version\" IS NOT NULL"
                    + " ORDER BY \"installed_rank\"")).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13");
            assertThat(column(connection, "SELECT COUNT(FAILURE_KIND) FROM NARRATION")).as("version 3's column")
                .containsExactly("0");
        }
    }
}
