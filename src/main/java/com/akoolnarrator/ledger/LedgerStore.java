package com.akoolnarrator.ledger;

import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.akoolnarrator.secrets.KnownSecrets;

/**
 * What the ledger's parts share, and what a feature's own statements run on: the job database, a transaction of its own
 * for facts that must not wait for a chunk, the group checkpoint that puts such facts on disk, and the clock that stamps
 * them.
 */
public final class LedgerStore {

    private final JdbcClient jdbc;
    private final JdbcTemplate batchUpdates;
    private final TransactionTemplate committedNow;
    private final GroupCheckpoint durably;
    private final Clock clock;
    private final KnownSecrets secrets;
    private final boolean h2;

    LedgerStore(JdbcTemplate jdbcTemplate, PlatformTransactionManager transactions, Clock clock, KnownSecrets secrets) {
        this.secrets = secrets;
        this.jdbc = JdbcClient.create(jdbcTemplate);
        this.batchUpdates = jdbcTemplate;
        this.committedNow = new TransactionTemplate(transactions);
        this.committedNow.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.h2 = isH2(jdbcTemplate);
        this.durably = new GroupCheckpoint(jdbc, h2);
        this.clock = clock;
    }

    /** Whether the job database is the embedded H2 (else a server: PostgreSQL). */
    boolean isH2() {
        return h2;
    }

    public JdbcClient jdbc() {
        return jdbc;
    }

    public JdbcTemplate batchUpdates() {
        return batchUpdates;
    }

    /** Runs {@code work} in a transaction of its own, committed when this returns, whatever the caller's does later. */
    public <T> T committedNow(Supplier<T> work) {
        return committedNow.execute(status -> work.get());
    }

    public void committedNow(Runnable work) {
        committedNow.executeWithoutResult(status -> work.run());
    }

    /** Returns once everything this thread has committed is on disk. */
    public void awaitDurable() {
        durably.awaitDurable();
    }

    public Instant instant() {
        return clock.instant();
    }

    public Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    public static Instant instant(Object value) {
        return value instanceof Timestamp ts ? ts.toInstant() : null;
    }

    /** The size of the columns that keep a reason (see the tables in db/migration/V2__ledger_tables.sql). */
    static final int MAX_REASON = 4000;

    /** A reason as the ledger keeps it: cleaned of every known secret, cut to its column. */
    public String reason(String value) {
        return truncate(secrets.redact(value), MAX_REASON);
    }

    /** A value cut to a column's size, ending in "..." when it was cut. */
    public static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 3) + "...";
    }

    private static boolean isH2(JdbcTemplate jdbcTemplate) {
        return Boolean.TRUE.equals(jdbcTemplate.execute((Connection connection) ->
                "H2".equals(connection.getMetaData().getDatabaseProductName())));
    }
}
