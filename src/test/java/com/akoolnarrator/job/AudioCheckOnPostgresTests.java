package com.akoolnarrator.job;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.akoolnarrator.PostgresSupport;

/** {@link AudioCheckJobTests}, with the ledger on PostgreSQL: the speaking rate's median is PostgreSQL's there. */
@PostgresSupport.OnPostgres
class AudioCheckOnPostgresTests extends AudioCheckJobTests {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresSupport.register(registry);
    }
}
