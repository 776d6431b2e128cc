package com.akoolnarrator.job;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;

import com.akoolnarrator.ledger.AcceptedJournal;
import com.akoolnarrator.ledger.AkoolJobFacts;
import com.akoolnarrator.ledger.RunStatistics;
import com.akoolnarrator.ledger.SpendingGate;
import com.akoolnarrator.settings.OutputLocation;
import com.akoolnarrator.storage.OutputFolder;
import com.akoolnarrator.webhook.WebhookReceiver;

/**
 * The job as the command line sees it: narrate an input into an output folder, continuing the folder's last run when
 * it did not finish and reads the same input (recovering one a kill left STARTED), starting a new run otherwise; check
 * an input (a dry run); stop what runs. The folder's last run is the ledger's, found by the folder, whatever else
 * shares the job database.
 */
public class NarrationLauncher {

    private static final Logger log = LoggerFactory.getLogger("narrator");

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job narrationJob;
    private final RunStatistics statistics;
    private final RunContexts runs;
    private final AkoolJobFacts facts;
    private final SpendingGate gate;
    private final WebhookReceiver callbacks;

    NarrationLauncher(JobOperator jobOperator, JobRepository jobRepository, Job narrationJob, RunStatistics statistics,
            RunContexts runs, AkoolJobFacts facts, SpendingGate gate, WebhookReceiver callbacks) {
        this.callbacks = callbacks;
        this.facts = facts;
        this.gate = gate;
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.narrationJob = narrationJob;
        this.statistics = statistics;
        this.runs = runs;
    }

    /**
     * The ledger's name of an output folder, the same whatever path reaches it (made for a folder that has none):
     * what its runs, its narrations and its lock are found by.
     */
    public String scopeOf(Path folder) {
        return runs.scopeOf(folder);
    }

    /**
     * Narrates {@code input} into {@code folder} (absolute), continuing the folder's unfinished run of it where the
     * folder still is; a folder moved since starts a new run, which reuses everything the ledger has of it.
     */
    public JobExecution narrate(RunInput input, Path folder) throws Exception {
        return narrate(input, new OutputLocation(folder, null));
    }

    /** The same into a folder or a bucket ({@code output}'s folder then being the bucket's state folder). */
    public JobExecution narrate(RunInput input, OutputLocation output) throws Exception {
        Path folder = output.folder();
        facts.recordJournal(AcceptedJournal.of(new OutputFolder(folder)));
        Optional<JobExecution> last = lastExecution(scopeOf(folder));
        if (last.isPresent() && last.get().isRunning()) {
            // this process holds the folder, so no other process runs it: a kill left it behind
            log.info("The last run in {} did not end (the process was killed); recovering it", folder);
            last = Optional.of(jobOperator.recover(last.get()));
        }
        try (WebhookReceiver.Listening listening = callbacks.listenForRun()) {
            if (last.isPresent() && restartable(last.get()) && sameInput(last.get(), input)
                    && folder.equals(RunContext.outputDir(last.get().getJobParameters()))) {
                log.info("Continuing the unfinished run {} of {} into {}", last.get().getJobInstance().getInstanceId(),
                        input.input().source(), folder);
                return jobOperator.restart(last.get());
            }
            return jobOperator.start(narrationJob, RunContext.parameters(input, output, false));
        }
    }

    /** Validates {@code input} and estimates what narrating it into {@code folder} costs, submitting nothing. */
    public JobExecution check(RunInput input, Path folder) throws Exception {
        return check(input, new OutputLocation(folder, null));
    }

    /** The same into a folder or a bucket. */
    public JobExecution check(RunInput input, OutputLocation output) throws Exception {
        facts.recordJournal(AcceptedJournal.of(new OutputFolder(output.folder())));
        return jobOperator.start(narrationJob, RunContext.parameters(input, output, true));
    }

    /** Why the run ended without its job database, when it could not record what it paid for: the one line to say. */
    public Optional<String> ledgerLost() {
        return gate.shutReason();
    }

    /** Every running execution stops at its steps' next chunk boundary; the collect step stops waiting for Akool. */
    public void requestStop() {
        runs.requestStop();
    }

    /** The last run (not a dry run) of a folder, by its scope, as Spring Batch knows it, if any. */
    public Optional<JobExecution> lastExecution(String scope) {
        return statistics.lastRun(scope).map(this::lastExecution);
    }

    /** The last execution of a run. */
    public JobExecution lastExecution(long run) {
        return lastExecution(jobRepository, run);
    }

    /** The last execution of a run in {@code jobRepository}, for a command that needs no job (status). */
    public static JobExecution lastExecution(JobRepository jobRepository, long run) {
        JobInstance instance = jobRepository.getJobInstance(run);
        return instance == null ? null : jobRepository.getLastJobExecution(instance);
    }

    private static boolean restartable(JobExecution execution) {
        BatchStatus status = execution.getStatus();
        return status == BatchStatus.FAILED || status == BatchStatus.STOPPED;
    }

    private static boolean sameInput(JobExecution execution, RunInput input) {
        JobParameters parameters = execution.getJobParameters();
        return input.input().source().toAbsolutePath().normalize().toString().equals(parameters.getString(RunContext.INPUT))
                && input.inputSha256().equals(parameters.getString(RunContext.INPUT_SHA256))
                && Objects.equals(input.lexiconSha256(), parameters.getString(RunContext.LEXICON_SHA256));
    }
}
