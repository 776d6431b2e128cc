package com.akoolnarrator.database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * When the application closes, compacts the folder's H2 file if that pays ({@link FolderDatabaseFile#compactionPays}),
 * before the pool closes it; any other database is closed as it is, at once.
 */
class JobDatabaseCompaction implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger("narrator");

    private final DataSource dataSource;
    private final boolean runFile;

    /** @param runFile whether the data source is a folder's own H2 file opened for a run */
    JobDatabaseCompaction(DataSource dataSource, boolean runFile) {
        this.dataSource = dataSource;
        this.runFile = runFile;
    }

    @Override
    public void destroy() {
        if (!runFile) {
            return;
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            Map<String, Long> use = new HashMap<>();
            try (ResultSet settings = statement.executeQuery(DatabaseSql.FILE_USE)) {
                while (settings.next()) {
                    use.put(settings.getString(1), Long.parseLong(settings.getString(2).replace("%", "").strip()));
                }
            }
            long bytes = use.getOrDefault("info.FILE_SIZE", 0L);
            long fill = use.getOrDefault("info.CHUNKS_FILL_RATE", 100L);
            if (FolderDatabaseFile.compactionPays(bytes, (int) fill)) {
                log.info("Compacting the job database: {} MB, {} % in use", bytes >> 20, fill);
                statement.execute(DatabaseSql.SHUTDOWN_COMPACT);
            }
        }
        catch (SQLException | RuntimeException e) {
            log.debug("The job database was closed without compacting it", e);
        }
    }
}
