package com.akoolnarrator.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalysisReporter;

/**
 * Why the application could not start (a bad setting, an unusable output folder, a damaged or busy job database), as
 * one line on the job's log in place of Spring Boot's banner and stack trace.
 */
public class OneLineFailureReporter implements FailureAnalysisReporter {

    private static final Logger log = LoggerFactory.getLogger("narrator");

    @Override
    public void report(FailureAnalysis analysis) {
        String action = analysis.getAction() == null ? "" : analysis.getAction().strip();
        log.error("Cannot run: {}{}", flat(analysis.getDescription()), action.isEmpty() ? "" : " " + flat(action));
    }

    private static String flat(String text) {
        return String.valueOf(text).strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
