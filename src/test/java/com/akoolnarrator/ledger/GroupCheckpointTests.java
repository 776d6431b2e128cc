package com.akoolnarrator.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.akoolnarrator.database.JobDatabaseConfiguration;

class GroupCheckpointTests {

    @TempDir
    Path folder;

    @Test
    void callersArrivingTogetherShareADiskWriteAndEachReturnsOnlyAfterOne() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + folder.resolve("ledger") + JobDatabaseConfiguration.H2_OPTIONS);
        JdbcClient jdbc = JdbcClient.create(h2);
        GroupCheckpoint checkpoint = new GroupCheckpoint(jdbc, true);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try (Connection keepsTheDatabaseOpen = h2.getConnection()) {
            jdbc.sql("CREATE TABLE FACT (ID INT PRIMARY KEY)").update();
            List<Future<?>> callers = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                callers.add(threads.submit(() -> {
                    for (int i = 0; i < 100; i++) {
                        jdbc.sql("INSERT INTO FACT VALUES (?)").param(thread * 1000 + i).update();
                        long before = checkpoint.checkpoints();
                        checkpoint.awaitDurable();
                        assertThat(checkpoint.checkpoints()).as("a disk write was made after this fact's commit")
                            .isGreaterThan(before);
                    }
                    return null;
                }));
            }
            for (Future<?> caller : callers) {
                caller.get();
            }
            assertThat(checkpoint.checkpoints()).isBetween(1L, 799L);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM FACT").query(Long.class).single()).isEqualTo(800);
        }
        finally {
            threads.shutdown();
        }
    }

    @Test
    void anotherDatabaseNeedsNoCheckpoint() {
        GroupCheckpoint checkpoint = new GroupCheckpoint(null, false);

        checkpoint.awaitDurable();

        assertThat(checkpoint.checkpoints()).isZero();
    }
}
