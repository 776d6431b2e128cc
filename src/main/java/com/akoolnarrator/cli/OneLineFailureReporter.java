package com.akoolnarrator.cli;

import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalysisReporter;
import org.springframework.core.NestedExceptionUtils;

/**
 * Why the application could not start or run (a bad setting, an unusable output folder, a damaged or busy job
 * database), as one line on the job's log in place of Spring Boot's banner and stack trace; and a failure nothing
 * explains, as one line too, with {@code --verbose} for its trace.
 */
class OneLineFailureReporter implements FailureAnalysisReporter {

    private static final Logger log = LoggerFactory.getLogger("narrator");
    private static final AtomicBoolean reported = new AtomicBoolean();

    @Override
    public void report(FailureAnalysis analysis) {
        reported.set(true);
        String action = analysis.getAction() == null ? "" : analysis.getAction().strip();
        log.error("Cannot run: {}{}", flat(analysis.getDescription()), action.isEmpty() ? "" : " " + flat(action));
    }

    /** Says in one line why the application failed, unless a failure analysis has said it already. */
    static void unlessReported(Throwable failure) {
        if (reported.getAndSet(false)) {
            return;
        }
        Throwable root = NestedExceptionUtils.getMostSpecificCause(failure);
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : flat(root.getMessage());
        log.error("Cannot run: {} ({}). Run the same command with --verbose for the details.", message,
                root.getClass().getSimpleName());
    }

    private static String flat(String text) {
        return String.valueOf(text).strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
