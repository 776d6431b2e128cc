package com.akoolnarrator.ledger;

import java.sql.SQLException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * H2 lets one process at a time open a database file. When a second run starts on a folder that another run is
 * using, say so plainly instead of showing H2's stack trace.
 */
class DatabaseInUseFailureAnalyzer extends AbstractFailureAnalyzer<SQLException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
        String message = String.valueOf(cause.getMessage());
        if (!message.contains("Database may be already in use")) {
            return null;
        }
        String file = message.replaceAll("(?s).*Database may be already in use: \"?([^\"\\n]*)\"?.*", "$1");
        return new FailureAnalysis("Another run is using this output folder: its job database (" + file
                + ") is locked by a running akool-narrator process.",
                "Wait for that run to finish (or stop it with Ctrl-C), or give this run another --output-dir.", cause);
    }
}
