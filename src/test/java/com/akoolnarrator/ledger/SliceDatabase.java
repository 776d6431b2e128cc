package com.akoolnarrator.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assumptions;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import com.zaxxer.hikari.HikariDataSource;

import com.akoolnarrator.PostgresSupport;
import com.akoolnarrator.database.JobDatabaseConfiguration;
import com.akoolnarrator.secrets.KnownSecrets;

/**
 * A migrated ledger on a real database, for the slice tests of the kernel and of each feature's own statements: the
 * embedded H2 as a folder's job database opens it ({@code h2}), or a schema of its own on the PostgreSQL test server
 * ({@code postgresql}), made once per test JVM and dropped when it ends. It notes every statement sent through it, so
 * that a feature's slice can show that each of its statements ran on both databases.
 */
public final class SliceDatabase {

    /** The databases a slice runs on: a {@code @ParameterizedClass}'s values. */
    public static final String H2 = "h2";
    public static final String POSTGRESQL = "postgresql";

    /** A whole statement, not a fragment of several (a column list). */
    private static final Pattern STATEMENT = Pattern.compile("(SELECT|INSERT|UPDATE|DELETE|MERGE|CHECKPOINT|SHUTDOWN|WITH)\\b");

    private static final Map<String, SliceDatabase> OPEN = new ConcurrentHashMap<>();

    private final HikariDataSource pool;
    private final SentStatements sent = new SentStatements();
    private final DataSource recording;

    private SliceDatabase(HikariDataSource pool, String vendor) {
        this.pool = pool;
        this.recording = sent.recording(pool);
        Flyway.configure().dataSource(pool).locations("classpath:db/migration", "classpath:db/vendor/" + vendor)
            .baselineOnMigrate(true).baselineVersion("1").load().migrate();
    }

    /** The database named {@code vendor}, migrated; a PostgreSQL slice is skipped where no test server answers. */
    public static SliceDatabase of(String vendor) {
        if (vendor.equals(POSTGRESQL)) {
            Assumptions.assumeTrue(PostgresSupport.available(), "no PostgreSQL test server answers: run .ci/run");
        }
        return OPEN.computeIfAbsent(vendor, SliceDatabase::open);
    }

    private static SliceDatabase open(String vendor) {
        if (vendor.equals(H2)) {
            try {
                String url = "jdbc:h2:file:" + Files.createTempDirectory("narrator-ledger-slice").resolve("narrator")
                        + JobDatabaseConfiguration.H2_OPTIONS;
                return new SliceDatabase(pool(url, "sa", ""), vendor);
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        PostgresSupport.Schema schema = PostgresSupport.createSchema("ledger_slice");
        SliceDatabase database = new SliceDatabase(pool(schema.url(), PostgresSupport.USER, PostgresSupport.PASSWORD),
                vendor);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            database.pool.close();
            schema.drop();
        }));
        return database;
    }

    private static HikariDataSource pool(String url, String user, String password) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(url);
        dataSource.setUsername(user);
        dataSource.setPassword(password);
        dataSource.setMaximumPoolSize(4);
        return dataSource;
    }

    /** The data source, noting what is sent through it. */
    public DataSource dataSource() {
        return recording;
    }

    /** A store over this database, as LedgerConfiguration makes it. */
    public LedgerStore store(Clock clock) {
        return new LedgerStore(new JdbcTemplate(recording), new DataSourceTransactionManager(recording), clock,
                new KnownSecrets());
    }

    /**
     * The statements kept as constants of {@code holder} (its non-private static strings that are whole statements)
     * that were never sent to this database, named {@code Holder.FIELD}; {@code elsewhere} names those a slice
     * cannot send (and that another test does).
     */
    public List<String> unsent(Class<?> holder, String... elsewhere) throws IllegalAccessException {
        List<String> missed = new ArrayList<>();
        for (Field field : holder.getDeclaredFields()) {
            if (field.getType() == String.class && Modifier.isStatic(field.getModifiers())
                    && !Modifier.isPrivate(field.getModifiers()) && !List.of(elsewhere).contains(field.getName())) {
                field.setAccessible(true);
                String sql = (String) field.get(null);
                if (STATEMENT.matcher(sql).lookingAt() && !sent.contains(sql)) {
                    missed.add(holder.getSimpleName() + "." + field.getName());
                }
            }
        }
        return missed;
    }
}
