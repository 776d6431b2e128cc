package com.akoolnarrator.ledger;

import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import com.akoolnarrator.secrets.KnownSecrets;

/** The ledger's parts, one per idea, over one store. */
@Configuration(proxyBeanMethods = false)
class LedgerConfiguration {

    @Bean
    LedgerStore ledgerStore(JdbcTemplate jdbcTemplate, PlatformTransactionManager transactionManager, Clock clock,
            KnownSecrets knownSecrets) {
        return new LedgerStore(jdbcTemplate, transactionManager, clock, knownSecrets);
    }

    @Bean
    RunRegistry runRegistry(LedgerStore store) {
        return new RunRegistry(store);
    }

    /** Five tries over about 15 seconds before a run that cannot record what it pays for ends. */
    @Bean
    SpendingGate spendingGate() {
        return new SpendingGate(5, Duration.ofMillis(500));
    }

    @Bean
    AkoolJobFacts akoolJobFacts(LedgerStore store, SpendingGate spendingGate) {
        return new AkoolJobFacts(store, spendingGate);
    }

    @Bean
    RunStatistics runStatistics(LedgerStore store) {
        return new RunStatistics(store);
    }

    @Bean
    LearntRates learntRates(LedgerStore store) {
        return new LearntRates(store);
    }

    @Bean
    LedgerReaders ledgerReaders(DataSource dataSource, LedgerStore store) {
        return new LedgerReaders(dataSource, store);
    }
}
