package com.akoolnarrator.ledger;

/** Where a narration stands; see {@code ledger/schema.sql}. */
public enum NarrationState {
    PENDING, SUBMITTED, COMPLETED, DOWNLOADED, FAILED
}
