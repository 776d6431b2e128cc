/**
 * What a run leaves for people, and the step that writes it ({@code ResultsStepConfiguration}, the run's last):
 * results.csv, failed.csv and the listening report, from the ledger, one row per input row ({@code ReportFiles} names
 * them for the summary).
 */
package com.akoolnarrator.report;
