package com.akoolnarrator.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.step.StepExecution;

/**
 * A finished file (results.csv, failed.csv, the listening report) could not take its final name: the run fails (exit
 * 1) rather than say it wrote results nobody will find, and says in one line what stands in the way.
 */
public class PublicationException extends RuntimeException {

    PublicationException(Path target, IOException cause) {
        super("cannot write " + target + ": " + (Files.isDirectory(target) ? "a folder has that name"
                : cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : " " + cause.getMessage()))
                + "; move it aside (or free the disk)", cause);
    }

    /** Fails {@code step} for the file that could not be published; the exit status {@code afterStep} returns. */
    static ExitStatus failed(StepExecution step, Path target, IOException cause) {
        PublicationException failure = new PublicationException(target, cause);
        step.setStatus(BatchStatus.FAILED);
        step.addFailureException(failure);
        return ExitStatus.FAILED.addExitDescription(failure.getMessage());
    }
}
