package com.akoolnarrator.database;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

import com.akoolnarrator.storage.FolderHolder;
import com.akoolnarrator.storage.Sha256;

/**
 * One run at a time per output folder, across machines: on PostgreSQL the run holds a session-scoped advisory lock on
 * the folder, on a connection of its own for the whole run (PostgreSQL releases it when the session ends, also when the
 * process is killed); a refused run names the holder from the folder's holder file ({@link FolderHolder}), as every
 * other reader of the folder does. On H2 the database file's own lock already keeps a second process out, and this
 * does nothing.
 */
public class FolderLock {

    private final DataSource dataSource;
    private final boolean server;

    FolderLock(DataSource dataSource, boolean server) {
        this.dataSource = dataSource;
        this.server = server;
    }

    /** A held folder: closing it releases the lock. */
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /** Another process holds the folder. */
    public static class BusyException extends RuntimeException {
        public BusyException(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Takes the folder for this process: the lock is on the folder's scope (its id), so that a second run reaching the
     * same folder by another path (a symlink, another machine's mount) is refused too.
     *
     * @throws BusyException naming the holder (host, process id, since when) when another process has it
     */
    public Held acquire(String scope, Path folder) {
        if (!server) {
            return () -> { };
        }
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            if (!tryLock(connection, scope)) {
                String holder = FolderHolder.of(folder).map(FolderHolder.Holder::toString)
                    .orElse("a process that did not say who it is");
                connection.close();
                throw new BusyException("Another run is using this output folder (" + folder + "): " + holder
                        + ". Wait for it to finish, or give this run another --output-dir.");
            }
            Connection session = connection;
            return () -> {
                // the pool keeps the session open after close(), and with it the lock: give it back first
                try (PreparedStatement unlock = session.prepareStatement(DatabaseSql.UNLOCK)) {
                    unlock.setLong(1, key(scope));
                    unlock.executeQuery().close();
                }
                catch (SQLException e) {
                    // a dead session has released it already
                }
                finally {
                    closeQuietly(session);
                }
            };
        }
        catch (SQLException e) {
            closeQuietly(connection);
            throw new IllegalStateException("cannot take the output folder's lock: " + e.getMessage(), e);
        }
    }

    private static boolean tryLock(Connection connection, String scope) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(DatabaseSql.TRY_LOCK)) {
            lock.setLong(1, key(scope));
            try (ResultSet rs = lock.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /** The lock's 64-bit key: the first eight bytes of the folder's SHA-256. */
    static long key(String scope) {
        byte[] digest = Sha256.newDigest().digest(scope.getBytes(StandardCharsets.UTF_8));
        long key = 0;
        for (int i = 0; i < 8; i++) {
            key = key << 8 | (digest[i] & 0xff);
        }
        return key;
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            }
            catch (SQLException ignored) {
                // nothing held
            }
        }
    }
}
