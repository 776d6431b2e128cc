package com.akoolnarrator.job;

import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.StepInterruptionPolicy;

/**
 * Ctrl-C or SIGTERM, as the steps see it: at their next chunk boundary this interruption policy marks the running
 * step execution terminate-only, and Spring Batch ends the step, then the job, as STOPPED. It replaces
 * {@code JobOperator.stop()}, which rewrites the running step's execution in the database, so that the step's own next
 * update fails its version check and the job ends FAILED instead.
 */
public class StopSignal implements StepInterruptionPolicy {

    private volatile boolean requested;

    public void request() {
        requested = true;
    }

    public boolean isRequested() {
        return requested;
    }

    /** A new execution starts. */
    public void reset() {
        requested = false;
    }

    @Override
    public void checkInterrupted(StepExecution stepExecution) {
        if (requested) {
            stepExecution.setTerminateOnly();
        }
    }
}
