package com.akoolnarrator.job;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import com.akoolnarrator.settings.OutputLocation;

/**
 * What an execution of the narration job says about itself once it has ended, read from Spring Batch's own records
 * (its parameters and execution contexts): the summary's and {@code status}'s view of a run.
 *
 * @param run           the run's number: its Spring Batch job instance
 * @param balanceBefore the account's balance read before this execution submitted anything, when Akool said
 * @param statusCalls   status requests this execution's collect step sent
 * @param jobsFollowed  Akool jobs it followed
 * @param callbacks     jobs whose end it learnt from Akool's callback, without a status request
 */
public record RunFacts(long run, String input, OutputLocation output, boolean dryRun, Double balanceBefore, long statusCalls,
        long jobsFollowed, long callbacks) {

    /** Keys of what the steps leave in their execution contexts. */
    public static final String BALANCE_BEFORE = "narrator.balance-before";
    public static final String STATUS_CALLS = "narrator.status-calls";
    public static final String JOBS_FOLLOWED = "narrator.jobs-followed";
    public static final String CALLBACKS = "narrator.callbacks";

    public static RunFacts of(JobExecution execution) {
        long statusCalls = 0;
        long followed = 0;
        long callbacks = 0;
        for (StepExecution step : execution.getStepExecutions()) {
            ExecutionContext context = step.getExecutionContext();
            statusCalls += context.getLong(STATUS_CALLS, 0);
            followed += context.getLong(JOBS_FOLLOWED, 0);
            callbacks += context.getLong(CALLBACKS, 0);
        }
        Object balance = execution.getExecutionContext().get(BALANCE_BEFORE);
        var parameters = execution.getJobParameters();
        return new RunFacts(execution.getJobInstance().getInstanceId(), parameters.getString(RunContext.INPUT),
                RunContext.output(parameters), RunContext.isDryRun(parameters),
                balance instanceof Double value ? value : null, statusCalls, followed, callbacks);
    }
}
