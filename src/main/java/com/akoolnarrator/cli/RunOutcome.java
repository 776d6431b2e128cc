package com.akoolnarrator.cli;

import org.springframework.boot.context.properties.bind.BindException;

import com.akoolnarrator.database.JobDatabaseConfiguration;
import com.akoolnarrator.settings.SettingCheck.InvalidSettingException;
import com.akoolnarrator.storage.OutputFolderException;

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

    /**
     * The exit code of an application that could not start: a bad setting, an unusable output folder or a database
     * server that cannot be used as configured is a usage error (2), anything else (a damaged or busy job database) a
     * failure (1).
     */
    public static int ofStartupFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof OutputFolderException || t instanceof BindException || t instanceof InvalidSettingException) {
                return USAGE;
            }
        }
        return JobDatabaseConfiguration.isConfigurationProblem(failure) ? USAGE : JOB_FAILED;
    }

    /** The job failed before it could run a single row. */
    public static RunOutcome failed(String message) {
        return new RunOutcome(JOB_FAILED, message, 0, 0, 0, null);
    }
}
