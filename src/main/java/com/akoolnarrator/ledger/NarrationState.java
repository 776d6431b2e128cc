package com.akoolnarrator.ledger;

/** Where a narration stands; see the tables in {@code db/migration/V2__ledger_tables.sql}. */
public enum NarrationState {
    PENDING, SUBMITTED, COMPLETED, DOWNLOADED, FAILED
}
