package com.akoolnarrator.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import com.akoolnarrator.storage.OutputFolderException;

/** The output folder, where the job database lives, cannot be used: one line, no stack trace. */
class OutputFolderFailureAnalyzer extends AbstractFailureAnalyzer<OutputFolderException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, OutputFolderException cause) {
        return new FailureAnalysis(cause.getMessage(), "", cause);
    }
}
