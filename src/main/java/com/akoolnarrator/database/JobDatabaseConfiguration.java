package com.akoolnarrator.database;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.zaxxer.hikari.HikariDataSource;

import com.akoolnarrator.settings.NarratorProperties;
import com.akoolnarrator.settings.SettingCheck;
import com.akoolnarrator.storage.OutputFolder;
import com.akoolnarrator.storage.OutputFolderException;

/**
 * The job's H2 file database (Spring Batch's job repository and the ledger), by default in
 * {@code <output-dir>/.narrator/}, a folder only the owner can read; {@code spring.datasource.url} overrides it. Each
 * command says which it needs ({@link JobDatabase}); one that stores nothing gets a database in memory and creates
 * nothing on disk.
 */
@Configuration(proxyBeanMethods = false)
public class JobDatabaseConfiguration {

    public static final String STATE_FOLDER = OutputFolder.STATE_FOLDER;

    /** The options of a folder's own H2 file ({@link FolderDatabaseFile#OPTIONS}). */
    public static final String H2_OPTIONS = FolderDatabaseFile.OPTIONS;

    /** A Hikari pool, its {@code spring.datasource.hikari.*} settings bound as Spring Boot's own pool's are. */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(DataSourceProperties properties, NarratorProperties settings,
            ObjectProvider<JobDatabase> chosen) {
        JobDatabase database = chosen.getIfAvailable(() -> JobDatabase.of(settings.output().folder()));
        String url = properties.getUrl();
        if (database.isNone()) {
            url = "jdbc:h2:mem:narrator";
        }
        else if (url == null || url.isBlank()) {
            Path folder = database.outputFolder().resolve(STATE_FOLDER);
            createPrivateFolder(database.outputFolder(), folder);
            FolderDatabaseFile file = new FolderDatabaseFile(folder.resolve(JobDatabase.NAME));
            url = database.readOnly() ? file.readingUrl() : file.url();
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
        if (JobDatabase.isOnServer(url)) {
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

    /** Flyway migrates every database but one opened read-only, which is current already (status). */
    @Bean
    FlywayMigrationStrategy migrateUnlessReadOnly(HikariDataSource dataSource) {
        return flyway -> {
            if (!FolderDatabaseFile.isReadOnly(dataSource.getJdbcUrl())) {
                flyway.migrate();
            }
        };
    }

    /** Compacts the folder's own file on close, when that pays. */
    /** One run at a time in an output folder: on a server, its advisory lock; on H2, the file's own lock is enough. */
    @Bean
    FolderLock folderLock(HikariDataSource dataSource) {
        return new FolderLock(dataSource, JobDatabase.isOnServer(dataSource.getJdbcUrl()));
    }

    @Bean
    JobDatabaseCompaction jobDatabaseCompaction(HikariDataSource dataSource) {
        return new JobDatabaseCompaction(dataSource, FolderDatabaseFile.isOpenedForARun(dataSource.getJdbcUrl()));
    }

    /** Whether a start-up failure is a database server that cannot be used as configured (a usage error). */
    public static boolean isConfigurationProblem(Throwable failure) {
        return DatabaseServerFailureAnalyzer.isConfigurationProblem(failure);
    }

    /** Makes the job's own folder, readable by its owner alone; one that exists is left as it is (it may be read-only). */
    private static void createPrivateFolder(Path outputFolder, Path folder) {
        if (Files.isDirectory(folder)) {
            return;
        }
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
