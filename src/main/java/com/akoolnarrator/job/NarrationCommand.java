package com.akoolnarrator.job;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;

import com.akoolnarrator.akool.AkoolConnection;
import com.akoolnarrator.akool.AkoolException;
import com.akoolnarrator.input.InputFile;
import com.akoolnarrator.input.InputFileException;
import com.akoolnarrator.input.KnownVoices;
import com.akoolnarrator.ledger.NarrationLedger;
import com.akoolnarrator.report.ListeningReportWriter;
import com.akoolnarrator.report.ResultsWriter;

/**
 * Runs the narration job for one input and output folder, the way a scheduler needs it: checks what can be checked
 * before spending anything, continues the folder's last execution when it did not finish (recovering one orphaned by a
 * kill), starts a new one otherwise, and turns the outcome into an exit code and a few plain lines.
 */
public class NarrationCommand {

    private static final Logger log = LoggerFactory.getLogger("narrator");

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job narrationJob;
    private final NarrationLedger ledger;
    private final AkoolConnection akool;
    private final KnownVoices knownVoices;
    private final AudioJobTracker tracker;
    private final RunProgress progress;
    private final StopSignal stopSignal;
    private final double creditsPerThousandCharacters;

    public NarrationCommand(JobOperator jobOperator, JobRepository jobRepository, Job narrationJob, NarrationLedger ledger,
            AkoolConnection akool, KnownVoices knownVoices, AudioJobTracker tracker, RunProgress progress, StopSignal stopSignal, double creditsPerThousandCharacters) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.narrationJob = narrationJob;
        this.ledger = ledger;
        this.akool = akool;
        this.knownVoices = knownVoices;
        this.tracker = tracker;
        this.progress = progress;
        this.stopSignal = stopSignal;
        this.creditsPerThousandCharacters = creditsPerThousandCharacters;
    }

    public RunOutcome run(Path input, Path outputDir) {
        return run(input, outputDir, false);
    }

    /**
     * Narrates {@code input} into {@code outputDir}; with {@code dryRun}, only validates it and says what a run would
     * submit and cost, without a single create or clone call.
     */
    public RunOutcome run(Path input, Path outputDir, boolean dryRun) {
        InputFile inputFile;
        String inputSha256;
        try {
            inputFile = InputFile.inspect(input);
            inputSha256 = InputFile.sha256(input);
        }
        catch (InputFileException e) {
            return report(RunOutcome.usage(e.getMessage()));
        }
        if (akool.credentials().isEmpty()) {
            return report(RunOutcome.usage("no Akool credentials: set the environment variable AKOOL_API_KEY (or pass"
                    + " --akool.api-key=..., or set akool.client-id and akool.client-secret in a job file)"));
        }
        Path folder = outputDir.toAbsolutePath().normalize();
        try {
            knownVoices.reset();
            knownVoices.ids();
        }
        catch (AkoolException.Fatal e) {
            return report(new RunOutcome(RunOutcome.JOB_FAILED, "Akool refused to start: " + e.getMessage(), 0, 0, 0, null));
        }
        JobExecution execution;
        try {
            execution = dryRun ? start(inputFile, inputSha256, folder, true) : launch(inputFile, inputSha256, folder);
        }
        catch (Exception e) {
            log.error("The job could not be started", e);
            return report(new RunOutcome(RunOutcome.JOB_FAILED, "the job could not be started: " + e.getMessage(), 0, 0, 0, null));
        }
        return report(dryRun ? dryRunOutcome(execution) : outcome(execution, folder));
    }

    private JobExecution launch(InputFile input, String inputSha256, Path folder) throws Exception {
        Optional<JobExecution> last = lastExecution(folder);
        if (last.isPresent() && last.get().isRunning()) {
            // this process holds the folder's database, so no other process runs it: a kill left it behind
            log.info("The last run in {} did not end (the process was killed); recovering it", folder);
            last = Optional.of(jobOperator.recover(last.get()));
        }
        if (last.isPresent() && restartable(last.get()) && sameInput(last.get(), input, inputSha256)) {
            log.info("Continuing the unfinished run {} of {} into {}",
                    last.get().getJobParameters().getLong(NarrationJobConfiguration.RUN), input.path(), folder);
            return jobOperator.restart(last.get());
        }
        return start(input, inputSha256, folder, false);
    }

    private JobExecution start(InputFile input, String inputSha256, Path folder, boolean dryRun) throws Exception {
        long run = jobRepository.getJobInstances(NarrationJobConfiguration.JOB_NAME, 0, 1).stream()
            .mapToLong(JobInstance::getInstanceId).max().orElse(0) + 1;
        JobParameters parameters = new JobParametersBuilder()
            .addString(NarrationJobConfiguration.INPUT, input.path().toAbsolutePath().normalize().toString())
            .addString(NarrationJobConfiguration.INPUT_SHA256, inputSha256)
            .addString(NarrationJobConfiguration.OUTPUT_DIR, folder.toString())
            .addLong(NarrationJobConfiguration.RUN, run)
            .addString(NarrationJobConfiguration.DRY_RUN, String.valueOf(dryRun))
            .toJobParameters();
        log.info("Run {}: {} {} into {}", run, dryRun ? "checking (dry run, nothing is submitted)" : "narrating", input.path(), folder);
        return jobOperator.start(narrationJob, parameters);
    }

    private Optional<JobExecution> lastExecution(Path folder) {
        List<JobInstance> instances = jobRepository.getJobInstances(NarrationJobConfiguration.JOB_NAME, 0, 100);
        for (JobInstance instance : instances) {
            JobExecution execution = jobRepository.getLastJobExecution(instance);
            JobParameters parameters = execution == null ? null : execution.getJobParameters();
            if (parameters != null && folder.toString().equals(parameters.getString(NarrationJobConfiguration.OUTPUT_DIR))
                    && !"true".equals(parameters.getString(NarrationJobConfiguration.DRY_RUN))) {
                return Optional.of(execution);
            }
        }
        return Optional.empty();
    }

    private static boolean restartable(JobExecution execution) {
        BatchStatus status = execution.getStatus();
        return status == BatchStatus.FAILED || status == BatchStatus.STOPPED;
    }

    private static boolean sameInput(JobExecution execution, InputFile input, String inputSha256) {
        JobParameters parameters = execution.getJobParameters();
        return input.path().toAbsolutePath().normalize().toString().equals(parameters.getString(NarrationJobConfiguration.INPUT))
                && inputSha256.equals(parameters.getString(NarrationJobConfiguration.INPUT_SHA256));
    }

    private RunOutcome dryRunOutcome(JobExecution execution) {
        long runId = execution.getJobInstance().getInstanceId();
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            return new RunOutcome(RunOutcome.JOB_FAILED, "the dry run failed: " + cause(execution), 0, 0, 0, execution.getId());
        }
        Map<String, Long> states = ledger.progress(runId);
        Map<String, long[]> pending = ledger.pendingByEndpoint(runId);
        long invalid = states.getOrDefault("INVALID", 0L);
        long toSubmit = pending.values().stream().mapToLong(p -> p[0]).sum();
        long characters = pending.values().stream().mapToLong(p -> p[1]).sum();
        long total = states.values().stream().mapToLong(Long::longValue).sum();
        StringBuilder report = new StringBuilder(String.format(java.util.Locale.ROOT,
                "dry run of %d rows: %d would be submitted (%s), %d characters, about %.1f credits at %s per 1,000;"
                        + " %d reused from earlier runs; %d invalid",
                total, toSubmit, pending.isEmpty() ? "none" : pending.entrySet().stream()
                    .map(e -> e.getValue()[0] + " " + e.getKey() + (e.getValue()[2] == e.getValue()[0] ? ""
                            : " in " + e.getValue()[2] + " requests, long texts being sent in parts"))
                    .collect(java.util.stream.Collectors.joining(", ")),
                characters, characters * creditsPerThousandCharacters / 1000, creditsPerThousandCharacters,
                total - toSubmit - invalid, invalid));
        for (String reason : ledger.invalidReasons(runId, 50)) {
            report.append(System.lineSeparator()).append("  INVALID ").append(reason);
        }
        if (invalid > 50) {
            report.append(System.lineSeparator()).append("  ... and ").append(invalid - 50).append(" more");
        }
        ledger.forgetRun(runId);
        return new RunOutcome(invalid == 0 ? RunOutcome.ALL_SUCCEEDED : RunOutcome.SOME_ROWS_FAILED, report.toString(),
                0, 0, invalid, execution.getId());
    }

    /** Stops the running execution at its next chunk boundary; the collect step stops waiting for Akool at once. */
    public void requestStop() {
        stopSignal.request();
        tracker.requestStop();
    }

    private RunOutcome outcome(JobExecution execution, Path folder) {
        log.info("Run took {} s: {} status calls for {} Akool jobs followed; peak heap {} MB (sampled each progress"
                + " interval; max {} MB)",
                String.format(java.util.Locale.ROOT, "%.1f", java.time.Duration.between(execution.getStartTime(),
                        execution.getEndTime() == null ? java.time.LocalDateTime.now() : execution.getEndTime()).toMillis() / 1000.0),
                tracker.polls(), tracker.followed(), progress.peakHeapMegabytes(), Runtime.getRuntime().maxMemory() / (1024 * 1024));
        long runId = execution.getJobInstance().getInstanceId();
        Map<String, Long> counts = ledger.rowCounts(runId);
        long succeeded = counts.getOrDefault("SUCCEEDED", 0L);
        long failed = counts.getOrDefault("FAILED", 0L);
        long invalid = counts.getOrDefault("INVALID", 0L);
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            long characters = ledger.charactersSubmittedSince(runId,
                    execution.getJobInstance().getJobExecutions().stream().map(JobExecution::getCreateTime)
                        .min(java.util.Comparator.naturalOrder()).orElse(execution.getCreateTime())
                        .atZone(java.time.ZoneId.systemDefault()).toInstant());
            String message = String.format(java.util.Locale.ROOT, "%d rows: %d succeeded, %d failed, %d invalid;"
                    + " %d characters narrated (about %.1f credits at %s per 1,000). MP3s in %s; results in %s;"
                    + " listening report %s",
                    succeeded + failed + invalid, succeeded, failed, invalid, characters,
                    characters * creditsPerThousandCharacters / 1000, creditsPerThousandCharacters, folder,
                    folder.resolve(ResultsWriter.RESULTS), folder.resolve(ListeningReportWriter.REPORT));
            if (failed + invalid > 0) {
                message += "; the rows to fix or rerun are in " + folder.resolve(ResultsWriter.FAILED)
                        + (failed > 0 ? " (running the same command again retries the FAILED rows)" : "");
            }
            return new RunOutcome(failed + invalid == 0 ? RunOutcome.ALL_SUCCEEDED : RunOutcome.SOME_ROWS_FAILED, message,
                    succeeded, failed, invalid, execution.getId());
        }
        String why = execution.getStatus() == BatchStatus.STOPPED ? "the job was stopped"
                : "the job failed: " + cause(execution);
        return new RunOutcome(RunOutcome.JOB_FAILED, why + ". Nothing is lost: run the same command again to continue.",
                succeeded, failed, invalid, execution.getId());
    }

    /** The failure a person can act on: an Akool account problem or the failure limit, else the deepest message. */
    private static String cause(JobExecution execution) {
        List<Throwable> failures = execution.getAllFailureExceptions();
        for (Throwable failure : failures) {
            for (Throwable t = failure; t != null; t = t.getCause()) {
                if (t instanceof AkoolException.Fatal || t instanceof ConsecutiveFailureGuard.TooManyFailuresException
                        || t instanceof InputFileException) {
                    return t.getMessage();
                }
            }
        }
        for (Throwable failure : failures) {
            log.error("Job failure", failure);
        }
        if (failures.isEmpty()) {
            return "unknown cause (see the log above)";
        }
        Throwable deepest = failures.get(0);
        while (deepest.getCause() != null) {
            deepest = deepest.getCause();
        }
        return deepest.getClass().getSimpleName() + ": " + deepest.getMessage();
    }

    private static RunOutcome report(RunOutcome outcome) {
        switch (outcome.exitCode()) {
            case RunOutcome.ALL_SUCCEEDED -> log.info("Done: {}", outcome.message());
            case RunOutcome.SOME_ROWS_FAILED -> log.warn("Done with problems: {}", outcome.message());
            case RunOutcome.USAGE -> log.error("Cannot run: {}", outcome.message());
            default -> log.error("Stopped: {}", outcome.message());
        }
        return outcome;
    }
}
