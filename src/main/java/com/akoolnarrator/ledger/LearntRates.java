package com.akoolnarrator.ledger;

import java.net.URI;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The request rate Akool accepted at an address, remembered from one run to the next. */
public class LearntRates {

    private final LedgerStore store;
    private final JdbcClient jdbc;

    LearntRates(LedgerStore store) {
        this.store = store;
        this.jdbc = store.jdbc();
    }

    public Optional<Double> find(URI akool) {
        return jdbc.sql(LedgerSql.LEARNT_RATE).param(akool.toString()).query(Double.class).optional();
    }

    public void save(URI akool, double requestsPerSecond) {
        jdbc.sql(LedgerSql.SAVE_RATE).params(akool.toString(), requestsPerSecond, store.now()).update();
    }
}
