package com.akoolnarrator.database;

import java.sql.SQLException;
import java.util.Map;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * The database server named by {@code spring.datasource.url} cannot be used: unreachable, the user refused, the
 * database missing, or no right to create the tables. One line, what to check, never the password.
 */
class DatabaseServerFailureAnalyzer extends AbstractFailureAnalyzer<SQLException> {

    /** PostgreSQL's SQLSTATEs for what a person can fix in the settings, and what to check. */
    static final Map<String, String> PROBLEMS = Map.of(
            "08001", "cannot reach the database server: check the host and port in spring.datasource.url, that the"
                    + " server runs and accepts connections from this machine",
            "08006", "the database server closed the connection or is not a PostgreSQL server: check the host and port"
                    + " in spring.datasource.url (and sslmode, if the server asks for SSL)",
            "08P01", "the server at spring.datasource.url does not speak PostgreSQL's protocol: check its host and port",
            "08004", "the database server refused the connection: check its pg_hba.conf for this user and machine",
            "28P01", "the database server refused the user's password: check spring.datasource.username and"
                    + " spring.datasource.password (or SPRING_DATASOURCE_USERNAME and _PASSWORD)",
            "28000", "the database server refused the user: check spring.datasource.username and pg_hba.conf",
            "3D000", "the database does not exist: create it (createdb) or fix the name in spring.datasource.url",
            "42501", "the user may not create or change the tables: grant it CREATE on the schema, or let an owner"
                    + " run the first start");

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
        for (Throwable t = rootFailure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && PROBLEMS.containsKey(sql.getSQLState())) {
                return new FailureAnalysis(problem(sql) + " (" + firstLine(sql.getMessage()) + ").", "", sql);
            }
        }
        return null;
    }

    /** Whether a startup failure is one of these: a configuration error (exit 2). */
    static boolean isConfigurationProblem(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && PROBLEMS.containsKey(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static String problem(SQLException sql) {
        if ("08001".equals(sql.getSQLState()) && String.valueOf(sql.getMessage()).contains("timed out")) {
            return "the server at spring.datasource.url accepted the connection but gave no PostgreSQL answer within"
                    + " narrator.database.connect-timeout: check that its host and port name a PostgreSQL server that is"
                    + " up, and any tunnel or proxy in front of it";
        }
        return PROBLEMS.get(sql.getSQLState());
    }

    private static String firstLine(String message) {
        return String.valueOf(message).lines().findFirst().orElse("").strip();
    }
}
