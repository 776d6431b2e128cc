package com.akoolnarrator.job;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.akoolnarrator.PostgresSupport;

/**
 * {@link NarrationJobTests}, with the job repository and the ledger on PostgreSQL: one full job on a server. Every
 * statement of the ledger runs on PostgreSQL in {@code LedgerOnPostgresTests}; the other end-to-end classes run on H2.
 */
@DirtiesContext // settings of its own: its context is closed when the class ends, not kept for the rest
@PostgresSupport.OnPostgres
class NarrationJobOnPostgresTests extends NarrationJobTests {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresSupport.register(registry);
    }
}
