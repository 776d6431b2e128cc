/**
 * The ledger, the kernel every feature stands on: what was asked of Akool and what it answered
 * ({@code AkoolJobFacts}, with the durability machinery that never pays twice: {@code SpendingGate},
 * {@code GroupCheckpoint}, {@code AcceptedJournal}), the runs of each output folder ({@code RunRegistry}), and what
 * the steps read of them ({@code LedgerReaders}, {@code RunStatistics}). It speaks in its own small types and
 * imports no feature: a feature's own statements (the validate, join, review and tag steps') live
 * with the feature and run on {@code LedgerStore}; the tables are the Flyway migrations'.
 */
package com.akoolnarrator.ledger;
