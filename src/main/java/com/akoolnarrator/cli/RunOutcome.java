package com.akoolnarrator.cli;

/**
 * How a run ended, as the exit code says: 0 every row SUCCEEDED; 3 the job finished but some rows are FAILED or
 * INVALID; 1 the job itself failed or was stopped (run the same command again to continue); 2 usage or configuration
 * error, nothing was sent.
 */
public record RunOutcome(int exitCode, String message, long succeeded, long failed, long invalid, Long jobExecutionId) {

    public static final int ALL_SUCCEEDED = 0;
    public static final int JOB_FAILED = 1;
    public static final int USAGE = 2;
    public static final int SOME_ROWS_FAILED = 3;

    public static RunOutcome usage(String message) {
        return new RunOutcome(USAGE, message, 0, 0, 0, null);
    }

    /** The job failed before it could run a single row. */
    public static RunOutcome failed(String message) {
        return new RunOutcome(JOB_FAILED, message, 0, 0, 0, null);
    }
}
