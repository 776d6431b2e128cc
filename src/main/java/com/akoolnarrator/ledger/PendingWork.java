package com.akoolnarrator.ledger;

/**
 * What a run still has to submit to one endpoint.
 *
 * @param endpoint   {@code create} (a stock voice) or {@code clone} (a voice URL)
 * @param rows       rows with something still to submit
 * @param characters characters still to submit (what Akool bills for)
 * @param requests   requests that takes: a long text is sent in parts, one request each
 */
public record PendingWork(String endpoint, long rows, long characters, long requests) {
}
