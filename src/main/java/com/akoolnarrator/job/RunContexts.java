package com.akoolnarrator.job;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.StepInterruptionPolicy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.akoolnarrator.akool.AkoolClient;
import com.akoolnarrator.ledger.RunRegistry;
import com.akoolnarrator.storage.FolderIdentity;
import com.akoolnarrator.storage.FreeSpace;

/**
 * The {@link RunContext} and {@link RunState} of each running execution, made when it starts and dropped when it ends.
 * Step-scoped beans ask for them with their step execution: steps of a split flow run on threads of their own, where
 * Spring Batch's job scope is not available.
 * <p>
 * It is also how a stop reaches the steps: nothing more is sent to Akool from then on, and at their next chunk boundary
 * this interruption policy marks the running step execution terminate-only, and Spring Batch ends the step, then the
 * job, as STOPPED. It replaces {@code JobOperator.stop()}, which rewrites the running step's execution in the
 * database, so that the step's own next update fails its version check and the job ends FAILED instead.
 */
public class RunContexts implements JobExecutionListener, StepInterruptionPolicy {

    private record Running(RunContext context, RunState state) {
    }

    private static final Logger log = LoggerFactory.getLogger("narrator");

    private final Map<Long, Running> running = new ConcurrentHashMap<>();
    private final int maxConsecutiveFailures;
    private final long minFreeDiskBytes;
    private final AkoolClient akool;
    private final RunRegistry registry;

    RunContexts(int maxConsecutiveFailures, long minFreeDiskBytes, AkoolClient akool, RunRegistry registry) {
        this.maxConsecutiveFailures = maxConsecutiveFailures;
        this.minFreeDiskBytes = minFreeDiskBytes;
        this.akool = akool;
        this.registry = registry;
    }

    /** An execution starts: its state is made, and a new run is registered in the ledger under its folder. */
    @Override
    public void beforeJob(JobExecution execution) {
        akool.resumeSending();
        RunContext run = running(execution).context();
        if (registry.startRun(run.runId(), run.scope(), run.input().source(), run.inputSha256(), run.dryRun())) {
            log.info("Run {}: {} {} into {}", run.runId(), run.dryRun() ? "checking (dry run, nothing is submitted)"
                    : "narrating", run.input().source(), run.outputFolder().root());
        }
    }

    @Override
    public void afterJob(JobExecution execution) {
        running.remove(execution.getId());
    }

    public RunContext of(StepExecution step) {
        return running(step.getJobExecution()).context();
    }

    public RunState state(StepExecution step) {
        return running(step.getJobExecution()).state();
    }

    /** Ctrl-C or SIGTERM: every running execution stops at its steps' next chunk boundary. */
    void requestStop() {
        running.values().forEach(run -> run.state().requestStop());
        akool.stopSending();
    }

    @Override
    public void checkInterrupted(StepExecution stepExecution) {
        if (state(stepExecution).stopRequested()) {
            stepExecution.setTerminateOnly();
        }
    }

    /** The ledger's name of an output folder, made the first time a run uses it ({@link FolderIdentity}). */
    String scopeOf(Path outputFolder) {
        return FolderIdentity.establish(outputFolder, registry::knowsScope);
    }

    private Running running(JobExecution execution) {
        Path folder = RunContext.outputDir(execution.getJobParameters());
        return running.computeIfAbsent(execution.getId(), id -> new Running(RunContext.of(execution, scopeOf(folder)),
                new RunState(maxConsecutiveFailures, akool, new FreeSpace(folder, minFreeDiskBytes))));
    }
}
