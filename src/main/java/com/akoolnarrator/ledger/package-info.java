/**
 * The ledger: what was asked of Akool and what it answered, the runs of each output folder and their rows, in the job
 * database. It owns every line of its SQL ({@code LedgerSql}) and its tables (the Flyway migrations); it offers parts
 * by idea: {@code RunRegistry}, {@code AkoolJobFacts}, {@code LedgerReaders}, {@code RunStatistics},
 * {@code SplitRows}, {@code LearntRates}, {@code FolderLock}, and the job database itself ({@code JobDatabase}).
 */
package com.akoolnarrator.ledger;
