package com.akoolnarrator;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The PostgreSQL server the suites also run against: {@code NARRATOR_TEST_POSTGRES_URL}, {@code _USER} and
 * {@code _PASSWORD}, by default the test database that {@code .ci/run} creates on the local server. Where none answers,
 * the PostgreSQL tests are skipped, saying how to run them.
 */
public final class PostgresSupport {

    public static final String URL = env("NARRATOR_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/narrator_test");
    public static final String USER = env("NARRATOR_TEST_POSTGRES_USER", "narrator");
    public static final String PASSWORD = env("NARRATOR_TEST_POSTGRES_PASSWORD", "narrator-ci-only-password");

    private static Boolean available;
    private static String forkUrl;

    private PostgresSupport() {
    }

    /** Whether the test server answers (asked once). */
    public static synchronized boolean available() {
        if (available == null) {
            try (Connection connection = DriverManager.getConnection(URL + "?connectTimeout=3", USER, PASSWORD)) {
                available = connection.isValid(3);
            }
            catch (SQLException e) {
                available = false;
            }
        }
        return available;
    }

    /** A schema of its own on the test server, for a test that needs an empty database (or one to drop). */
    public record Schema(String name, String url) {

        /** Drops the schema and everything in it. */
        public void drop() {
            execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
        }
    }

    /** Creates an empty schema named {@code prefix} and a unique suffix. */
    public static Schema createSchema(String prefix) {
        String name = prefix + "_" + Long.toHexString(System.nanoTime());
        execute("CREATE SCHEMA " + name);
        return new Schema(name, withSchema(name));
    }

    /** Runs one statement on the test server. */
    public static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
        catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /**
     * The test server with this test JVM's own schema ({@code fork_N}, made on first use): test JVMs run side by side
     * (surefire's and failsafe's forks), and each keeps its job repository and ledger apart from the others'.
     */
    public static synchronized String forkUrl() {
        if (forkUrl == null) {
            String schema = "fork_" + System.getProperty("narrator.test.fork", "1").replaceAll("[^0-9]", "");
            execute("CREATE SCHEMA IF NOT EXISTS " + schema);
            forkUrl = withSchema(schema);
        }
        return forkUrl;
    }

    private static String withSchema(String schema) {
        return URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    public static void register(DynamicPropertyRegistry registry) {
        registry.add("narrator.test.database-url", PostgresSupport::forkUrl);
        registry.add("spring.datasource.username", () -> USER);
        registry.add("spring.datasource.password", () -> PASSWORD);
    }

    /** The settings that put a packaged jar's state on the test server. */
    public static List<String> arguments() {
        return List.of("--spring.datasource.url=" + forkUrl(), "--spring.datasource.username=" + USER,
                "--spring.datasource.password=" + PASSWORD);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** Runs the tests only where the PostgreSQL test server answers. */
    @Target({ ElementType.TYPE, ElementType.METHOD })
    @Retention(RetentionPolicy.RUNTIME)
    @EnabledIf(value = "com.akoolnarrator.PostgresSupport#available", disabledReason = "no PostgreSQL test server"
            + " answers: run .ci/run (it installs and starts one), or set NARRATOR_TEST_POSTGRES_URL, _USER and _PASSWORD")
    public @interface OnPostgres {
    }
}
