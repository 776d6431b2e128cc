package com.akoolnarrator.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Closing the folder's database compacts it only when that pays: a large file of mostly freed space. */
class JobDatabaseCompactionTests {

    @TempDir
    Path folder;

    @Test
    void compactionPaysOnlyForALargeMostlyFreedFile() {
        assertThat(FolderDatabaseFile.compactionPays(100L << 20, 10)).isTrue();
        assertThat(FolderDatabaseFile.compactionPays(100L << 20, 90)).as("large but full").isFalse();
        assertThat(FolderDatabaseFile.compactionPays(1L << 20, 5)).as("sparse but small").isFalse();
    }

    @Test
    void aSmallDatabaseIsClosedWithoutCompacting() throws Exception {
        JdbcDataSource h2 = database();
        try (Connection open = h2.getConnection(); Statement statement = open.createStatement()) {
            statement.execute("CREATE TABLE ROWS_OF_A_DEMO (ID INT PRIMARY KEY, TEXT VARCHAR(100))");
            statement.execute("INSERT INTO ROWS_OF_A_DEMO VALUES (1, 'Welcome')");

            new JobDatabaseCompaction(h2, true).destroy();

            assertThat(statement.executeQuery("SELECT COUNT(*) FROM ROWS_OF_A_DEMO").next())
                .as("not shut down: the pool closes it as it is").isTrue();
        }
    }

    @Test
    void aLargeMostlyFreedDatabaseIsCompactedOnClose() throws Exception {
        JdbcDataSource h2 = database();
        Path file = folder.resolve("narrator.mv.db");
        try (Connection open = h2.getConnection(); Statement statement = open.createStatement()) {
            statement.execute("CREATE TABLE POLLED (ID INT PRIMARY KEY, ANSWER VARBINARY(65536))");
            try (PreparedStatement insert = open.prepareStatement("INSERT INTO POLLED VALUES (?, ?)")) {
                byte[] answer = new byte[32 * 1024];
                for (int i = 0; i < 3000; i++) { // about 94 MB, as the answers of a long run
                    answer[i % answer.length] = (byte) i;
                    insert.setInt(1, i);
                    insert.setBytes(2, answer);
                    insert.executeUpdate();
                }
            }
            statement.execute("DELETE FROM POLLED WHERE ID >= 100");
            statement.execute("CHECKPOINT");
            long before = Files.size(file);
            assertThat(before).isGreaterThan(FolderDatabaseFile.COMPACT_FROM_BYTES);

            new JobDatabaseCompaction(h2, true).destroy();

            assertThat(Files.size(file)).isLessThan(before / 4);
        }
        try (Connection reopened = h2.getConnection(); Statement statement = reopened.createStatement()) {
            var count = statement.executeQuery("SELECT COUNT(*) FROM POLLED");
            assertThat(count.next()).isTrue();
            assertThat(count.getInt(1)).as("nothing lost").isEqualTo(100);
        }
    }

    private JdbcDataSource database() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(new FolderDatabaseFile(folder.resolve("narrator")).url());
        h2.setUser("sa");
        return h2;
    }
}
