package com.akoolnarrator.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import com.akoolnarrator.storage.OutputFolderException;

/**
 * An output folder's own H2 job database file ({@code .narrator/narrator.mv.db}): how it is opened, for a run or
 * read-only, and when closing it should compact it.
 */
final class FolderDatabaseFile {

    /**
     * WRITE_DELAY=500: commits reach the file in the background, within half a second; the facts a killed process must
     * not forget (that Akool accepted, and billed, a request) are written at once by the ledger itself. Writing every
     * commit at once (WRITE_DELAY=0) took 28 % of the job's processor time (JFR) for 20,000 rows. Stated here because
     * H2 keeps the setting in the file: a database created with another value gets this one again.
     * DB_CLOSE_ON_EXIT=FALSE: the application closes the database after the job has stopped, not the JVM's shutdown
     * hook. MAX_COMPACT_TIME=0: closing does not compact; {@link #compactionPays} decides when it is worth it (H2's own
     * time-boxed compaction moved the chunks of a young, small file back and forth until its time was up: 5 s at every
     * close of the demo). TRACE_LEVEL_FILE=0: no narrator.trace.db beside it, which grew by 20 KB at every start;
     * errors reach the job's log anyway.
     */
    static final String OPTIONS = ";WRITE_DELAY=500;DB_CLOSE_ON_EXIT=FALSE;MAX_COMPACT_TIME=0;TRACE_LEVEL_FILE=0";
    /** Opens the file without writing a byte to it, not even on close. */
    private static final String READ_ONLY = ";ACCESS_MODE_DATA=r";
    /** Below this, a file is not worth compacting, however sparse: rewriting it costs more than it saves. */
    static final long COMPACT_FROM_BYTES = 64L << 20;
    /** Compact when less than this share of the file's chunks is in use. */
    static final int COMPACT_BELOW_FILL_PERCENT = 50;
    private static final Pattern VERSION = Pattern.compile("V(\\d+)__.*\\.sql");

    /** Where H2 is told the file is: its path, or a link to its folder where the path cannot stand in H2's URL. */
    private final Path address;

    /** @param database the file's path without {@code .mv.db} */
    FolderDatabaseFile(Path database) {
        this.address = addressable(database);
    }

    String url() {
        return "jdbc:h2:file:" + address + OPTIONS;
    }

    /**
     * The file's path as H2's URL can hold it. A ';' ends the file's name there and starts H2's settings, so an output
     * folder named "Course 1; Part 2" could not be opened, and one named "x;INIT=..." would run that SQL at every
     * connection: nothing of a folder's name may reach the URL as anything but a name. Such a path is reached through
     * a link to its folder, made in a private folder of this process's own (removed when it exits).
     */
    private static Path addressable(Path database) {
        if (database.toString().indexOf(';') < 0) {
            return database;
        }
        Path folder = database.toAbsolutePath().getParent();
        try {
            Path links = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                    ? Files.createTempDirectory("akool-narrator-",
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")))
                    : Files.createTempDirectory("akool-narrator-");
            links.toFile().deleteOnExit();
            Path link = Files.createSymbolicLink(links.resolve("job-database"), folder);
            link.toFile().deleteOnExit(); // deleted before its folder: the JVM deletes in the reverse order
            Path address = link.resolve(database.getFileName());
            if (address.toString().indexOf(';') >= 0) {
                throw new OutputFolderException("the output folder " + folder.getParent() + " has a ';' in its path, and so"
                        + " has the temporary folder (java.io.tmpdir) its job database would be reached through: give"
                        + " another --output-dir, or set java.io.tmpdir (JAVA_OPTS=-Djava.io.tmpdir=...)");
            }
            return address;
        }
        catch (IOException e) {
            throw new OutputFolderException(folder.getParent(), e);
        }
    }

    /**
     * The URL a reading command opens: read-only when the file holds this release's every migration, else the run's
     * own (an older release's database is migrated first, as a run would).
     */
    String readingUrl() {
        return isCurrent() ? url() + READ_ONLY : url();
    }

    /** Whether {@code url} opens a folder's file for a run, which writes it (and may compact it on close). */
    static boolean isOpenedForARun(String url) {
        return url.startsWith("jdbc:h2:file:") && url.endsWith(OPTIONS);
    }

    /** Whether {@code url} opens a folder's file read-only: it has every migration already, and takes no write. */
    static boolean isReadOnly(String url) {
        return url.endsWith(READ_ONLY);
    }

    private boolean isCurrent() {
        try (Connection connection = DriverManager.getConnection(url() + READ_ONLY, "sa", "");
                Statement statement = connection.createStatement();
                ResultSet version = statement.executeQuery(DatabaseSql.SCHEMA_VERSION)) {
            return version.next() && version.getInt(1) >= latestMigration();
        }
        catch (SQLException notYetMigrated) {
            return false;
        }
    }

    /** The highest version among this release's migrations for H2. */
    static int latestMigration() {
        try {
            int latest = 0;
            PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
            for (String location : new String[] { "classpath*:db/migration/V*.sql", "classpath*:db/vendor/h2/V*.sql" }) {
                for (Resource migration : resolver.getResources(location)) {
                    Matcher version = VERSION.matcher(String.valueOf(migration.getFilename()));
                    if (version.matches()) {
                        latest = Math.max(latest, Integer.parseInt(version.group(1)));
                    }
                }
            }
            return latest;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Whether closing should compact the file: only a large one mostly made of freed space (a run of 100,000 rows left
     * 4.9 GB of which 160 MB were in use); a small or full one is closed as it is, at once.
     */
    static boolean compactionPays(long fileBytes, int chunksFillPercent) {
        return fileBytes >= COMPACT_FROM_BYTES && chunksFillPercent < COMPACT_BELOW_FILL_PERCENT;
    }
}
