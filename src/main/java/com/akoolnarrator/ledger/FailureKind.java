package com.akoolnarrator.ledger;

/** Why a FAILED narration is not simply submitted again by the next run (see the tables in {@code db/migration/V2__ledger_tables.sql}). */
public enum FailureKind {
    /** Akool may have accepted (and billed) it without saying which job: resent only when the user asks. */
    UNCONFIRMED,
    /** Akool had not finished it in time: the next run polls the same job again. */
    TIMED_OUT
}
