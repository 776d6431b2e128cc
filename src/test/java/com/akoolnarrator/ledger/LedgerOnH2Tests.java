package com.akoolnarrator.ledger;

import java.io.IOException;
import java.nio.file.Files;

import org.junit.jupiter.api.BeforeAll;

import com.akoolnarrator.database.JobDatabaseConfiguration;

/** {@link LedgerSliceTests} on the embedded H2, as a folder's job database opens it. */
class LedgerOnH2Tests extends LedgerSliceTests {

    @BeforeAll
    static void database() throws IOException {
        String url = "jdbc:h2:file:" + Files.createTempDirectory("narrator-ledger-slice").resolve("narrator")
                + JobDatabaseConfiguration.H2_OPTIONS;
        migrate(start(url, "sa", ""), "h2");
    }
}
