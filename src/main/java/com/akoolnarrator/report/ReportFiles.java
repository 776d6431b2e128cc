package com.akoolnarrator.report;

/** The files a run writes beside its MP3s, by name. */
public final class ReportFiles {

    public static final String RESULTS = "results.csv";
    public static final String FAILED = "failed.csv";
    public static final String REPORT = "report.html";

    private ReportFiles() {
    }
}
