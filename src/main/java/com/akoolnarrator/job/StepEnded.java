package com.akoolnarrator.job;

import java.util.function.BooleanSupplier;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * Whether another step of the same job execution has ended, as the job repository says: what a step that follows it
 * in a split flow waits for (the collect step for the submit step, the steps that finish files for the collect step).
 */
public final class StepEnded {

    private StepEnded() {
    }

    /** {@code stepName}'s execution in {@code execution} has run and is no longer running; false before it starts. */
    public static BooleanSupplier of(JobRepository jobRepository, JobExecution execution, String stepName) {
        return () -> {
            StepExecution step = jobRepository.getLastStepExecution(execution.getJobInstance(), stepName);
            return step != null && step.getJobExecutionId() == execution.getId() && !step.getStatus().isRunning();
        };
    }
}
