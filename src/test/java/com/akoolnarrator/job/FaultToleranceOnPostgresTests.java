package com.akoolnarrator.job;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.akoolnarrator.PostgresSupport;

/** {@link FaultToleranceTests}, with the job repository and the ledger on PostgreSQL. */
@PostgresSupport.OnPostgres
class FaultToleranceOnPostgresTests extends FaultToleranceTests {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresSupport.register(registry);
    }
}
