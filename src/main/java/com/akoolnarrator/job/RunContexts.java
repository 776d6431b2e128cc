package com.akoolnarrator.job;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * The {@link RunContext} of each running execution, built when it starts and forgotten when it ends. Step-scoped beans
 * ask it with their step execution: steps of a split flow run on threads of their own, where Spring Batch's job scope
 * is not available.
 */
public class RunContexts implements JobExecutionListener {

    private final Map<Long, RunContext> running = new ConcurrentHashMap<>();

    @Override
    public void beforeJob(JobExecution execution) {
        running.put(execution.getId(), RunContext.of(execution));
    }

    @Override
    public void afterJob(JobExecution execution) {
        running.remove(execution.getId());
    }

    public RunContext of(StepExecution step) {
        JobExecution execution = step.getJobExecution();
        return running.computeIfAbsent(execution.getId(), id -> RunContext.of(execution));
    }
}
