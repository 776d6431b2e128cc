package com.akoolnarrator;

import static com.akoolnarrator.DatabaseRows.column;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * A job database made by the release before Flyway owned Spring Batch's tables (Boot's schema initializer made them,
 * Flyway the ledger's up to version 5) is upgraded in place by the current jar, on H2 and on PostgreSQL, and narrates.
 */
class SchemaUpgradeIT {

    @TempDir
    Path work;

    @Test
    void anH2DatabaseOfTheLastReleaseIsUpgradedInPlace() throws Exception {
        String url = "jdbc:h2:file:" + work.resolve("narrator");
        upgradesAndNarrates(url, "sa", "", "h2", List.of());
    }

    @Test
    @PostgresSupport.OnPostgres
    void aPostgresqlDatabaseOfTheLastReleaseIsUpgradedInPlace() throws Exception {
        PostgresSupport.Schema schema = PostgresSupport.createSchema("upgrade");
        try {
            upgradesAndNarrates(schema.url(), PostgresSupport.USER, PostgresSupport.PASSWORD, "postgresql",
                    List.of("--spring.datasource.username=" + PostgresSupport.USER,
                            "--spring.datasource.password=" + PostgresSupport.PASSWORD));
        }
        finally {
            schema.drop();
        }
    }

    private void upgradesAndNarrates(String url, String user, String password, String vendor, List<String> credentials)
            throws Exception {
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            // as the last release left it: Boot ran Batch's own script, Flyway the ledger's migrations up to 5
            ScriptUtils.executeSqlScript(connection,
                    new ClassPathResource("org/springframework/batch/core/schema-" + vendor + ".sql"));
            Flyway.configure().dataSource(new SingleConnectionDataSource(connection, true))
                .locations("classpath:db/migration").target("5").baselineOnMigrate(true).baselineVersion("1").load()
                .migrate();
        }
        Path input = Files.writeString(work.resolve("lessons.csv"), "id,text,voice_id\na,Alpha.,en-US-Jenny\n"
                + "b,Beta.,en-US-Guy\n");
        List<String> command = new ArrayList<>(PackagedJar.command("--input=" + input,
                "--output-dir=" + work.resolve("out"), "--simulator.embedded=true", "--simulator.processing-base=100ms",
                "--spring.datasource.url=" + url));
        command.addAll(credentials);
        Process run = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(work.resolve("run.log").toFile())
            .start();
        assertThat(run.waitFor(120, TimeUnit.SECONDS)).as("the run ended within two minutes").isTrue();

        assertThat(run.exitValue()).as(Files.readString(work.resolve("run.log"))).isZero();
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            assertThat(column(connection, "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\""
                    + " AND \"version\" IS NOT NULL ORDER BY \"installed_rank\"")).containsExactly("1", "2", "3", "4", "5", "6", "7",
                        "8", "9", "10", "11", "12", "13")
                .doesNotHaveDuplicates();
            assertThat(column(connection, "SELECT COUNT(*) FROM NARRATION WHERE STATE = 'DOWNLOADED'")).containsExactly("2");
            assertThat(column(connection, "SELECT COUNT(*) FROM BATCH_JOB_EXECUTION WHERE STATUS = 'COMPLETED'"))
                .containsExactly("1");
        }
    }
}
