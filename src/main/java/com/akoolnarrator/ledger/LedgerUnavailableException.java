package com.akoolnarrator.ledger;

/** The job database could not record what must not be lost, within the wait allowed: the run ends, nothing more is sent. */
public class LedgerUnavailableException extends RuntimeException {

    LedgerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
