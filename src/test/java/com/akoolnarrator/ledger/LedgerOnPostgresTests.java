package com.akoolnarrator.ledger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import com.akoolnarrator.PostgresSupport;

/** {@link LedgerSliceTests} on the PostgreSQL test server, in a schema of its own dropped at the end. */
@PostgresSupport.OnPostgres
class LedgerOnPostgresTests extends LedgerSliceTests {

    private static PostgresSupport.Schema schema;

    @BeforeAll
    static void database() {
        schema = PostgresSupport.createSchema("ledger_slice");
        migrate(start(schema.url(), PostgresSupport.USER, PostgresSupport.PASSWORD), "postgresql");
    }

    @AfterAll
    static void dropSchema() {
        closePool();
        schema.drop();
    }
}
