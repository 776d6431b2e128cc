package com.akoolnarrator.ledger;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;


import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.akoolnarrator.settings.NarratorProperties;
import com.akoolnarrator.settings.SettingCheck;
import com.akoolnarrator.storage.OutputFolder;
import com.akoolnarrator.storage.OutputFolderException;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The job's H2 file database (Spring Batch's job repository and the ledger), by default in
 * {@code <output-dir>/.narrator/}, a folder only the owner can read; {@code spring.datasource.url} overrides it. Each
 * command says which it needs ({@link JobDatabase}); one that stores nothing gets a database in memory and creates
 * nothing on disk.
 */
@Configuration(proxyBeanMethods = false)
public class JobDatabaseConfiguration {

    public static final String STATE_FOLDER = OutputFolder.STATE_FOLDER;

    /**
     * WRITE_DELAY=500: commits reach the file in the background, within half a second; the facts a killed process must
     * not forget (that Akool accepted, and billed, a request) are written at once by the ledger itself. Writing every
     * commit at once (WRITE_DELAY=0) took 28 % of the job's processor time (JFR) for 20,000 rows. Stated
     * here because H2 keeps the setting in the file: a database created with another value gets this one again.
     * DB_CLOSE_ON_EXIT=FALSE: the application closes the database after the job has stopped, not the JVM's shutdown
     * hook. MAX_COMPACT_TIME=5000: the file grows while a run works (H2 appends what it writes and frees old space
     * slowly: 0.7 GB after 20,000 rows at full speed), and closing compacts it (to 40 MB, in about a second; 100,000
     * rows took 3.4 s). On a young, small file H2 moves chunks back and forth until the time is up (a thread dump
     * shows RandomAccessStore.compactMoveChunks syncing the file): with 30 s, one rerun in two of the demo took 30 s
     * longer to exit, so the limit is 5 s. TRACE_LEVEL_FILE=0: no narrator.trace.db beside it, which grew by 20 KB at every start (H2
     * traced each "table already exists" of Spring Batch's schema script); errors reach the job's log anyway.
     */
    public static final String H2_OPTIONS = ";WRITE_DELAY=500;DB_CLOSE_ON_EXIT=FALSE;MAX_COMPACT_TIME=5000;TRACE_LEVEL_FILE=0";

    /** A Hikari pool, its {@code spring.datasource.hikari.*} settings bound as Spring Boot's own pool's are. */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(DataSourceProperties properties, NarratorProperties settings,
            ObjectProvider<JobDatabase> chosen) {
        JobDatabase database = chosen.getIfAvailable(() -> JobDatabase.of(settings.outputDir()));
        String url = properties.getUrl();
        if (database.isNone()) {
            url = "jdbc:h2:mem:narrator";
        }
        else if (url == null || url.isBlank()) {
            Path folder = database.outputFolder().resolve(STATE_FOLDER);
            createPrivateFolder(database.outputFolder(), folder);
            url = "jdbc:h2:file:" + folder.resolve(JobDatabase.NAME) + H2_OPTIONS;
        }
        if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
            // without what follows '?': a URL can carry a password
            throw new SettingCheck.InvalidSettingException("spring.datasource.url", url.replaceFirst("\\?.*", "?..."),
                    "a PostgreSQL address (jdbc:postgresql://HOST:PORT/DATABASE) or an H2 one (jdbc:h2:file:PATH)");
        }
        var builder = properties.initializeDataSourceBuilder().type(HikariDataSource.class).url(url);
        if (url.startsWith("jdbc:h2:")) {
            // the driver Boot would guess from a server URL that this command does not use (status, voices)
            builder.driverClassName("org.h2.Driver");
            if (properties.getUsername() == null || properties.getUsername().isBlank()) {
                builder.username("sa"); // the user of the databases this job creates, also when their URL is given
            }
        }
        HikariDataSource dataSource = builder.build();
        if (url.startsWith("jdbc:postgresql:")) {
            withTimeouts(dataSource, settings.database());
        }
        return dataSource;
    }

    /**
     * pgjdbc waits for ever by default: for a connection, for the server's greeting and for an answer. A server that
     * accepts and never answers (hung, or a dead tunnel or proxy in front of it) must be one line, not a silent run.
     */
    private static void withTimeouts(HikariDataSource dataSource, NarratorProperties.Database database) {
        long connect = Math.max(1, database.connectTimeout().toSeconds());
        dataSource.addDataSourceProperty("connectTimeout", String.valueOf(connect));
        dataSource.addDataSourceProperty("loginTimeout", String.valueOf(connect));
        dataSource.addDataSourceProperty("socketTimeout", String.valueOf(Math.max(1, database.socketTimeout().toSeconds())));
    }

    /** Whether a start-up failure is a database server that cannot be used as configured (a usage error). */
    public static boolean isConfigurationProblem(Throwable failure) {
        return DatabaseServerFailureAnalyzer.isConfigurationProblem(failure);
    }

    private static void createPrivateFolder(Path outputFolder, Path folder) {
        try {
            Files.createDirectories(folder);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
            }
        }
        catch (IOException e) {
            throw new OutputFolderException(outputFolder, e);
        }
    }
}
