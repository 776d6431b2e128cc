package com.akoolnarrator.job;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.akoolnarrator.PostgresSupport;

/** {@link TagsAndRecoveryJobTests}, with the ledger on PostgreSQL: a folder rebuilds what the server lost of it. */
@PostgresSupport.OnPostgres
class TagsAndRecoveryOnPostgresTests extends TagsAndRecoveryJobTests {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresSupport.register(registry);
    }
}
