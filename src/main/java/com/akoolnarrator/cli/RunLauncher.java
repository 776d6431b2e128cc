package com.akoolnarrator.cli;

import java.nio.file.Path;
import java.util.List;
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

import com.akoolnarrator.input.InputFile;
import com.akoolnarrator.job.NarrationJobConfiguration;
import com.akoolnarrator.job.RunContext;

/**
 * Launches the narration job for an input and an output folder: continues the folder's last execution when it did not
 * finish (recovering one orphaned by a kill) and reads the same input, starts a new one otherwise.
 */
public class RunLauncher {

    private static final Logger log = LoggerFactory.getLogger("narrator");

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job narrationJob;

    public RunLauncher(JobOperator jobOperator, JobRepository jobRepository, Job narrationJob) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.narrationJob = narrationJob;
    }

    public JobExecution launch(InputFile input, String inputSha256, Path folder) throws Exception {
        Optional<JobExecution> last = lastExecution(folder);
        if (last.isPresent() && last.get().isRunning()) {
            // this process holds the folder's database, so no other process runs it: a kill left it behind
            log.info("The last run in {} did not end (the process was killed); recovering it", folder);
            last = Optional.of(jobOperator.recover(last.get()));
        }
        if (last.isPresent() && restartable(last.get()) && sameInput(last.get(), input, inputSha256)) {
            log.info("Continuing the unfinished run {} of {} into {}",
                    last.get().getJobParameters().getLong(RunContext.RUN), input.path(), folder);
            return jobOperator.restart(last.get());
        }
        return start(input, inputSha256, folder, false);
    }

    public JobExecution start(InputFile input, String inputSha256, Path folder, boolean dryRun) throws Exception {
        long run = jobRepository.getJobInstances(NarrationJobConfiguration.JOB_NAME, 0, 1).stream()
            .mapToLong(JobInstance::getInstanceId).max().orElse(0) + 1;
        log.info("Run {}: {} {} into {}", run, dryRun ? "checking (dry run, nothing is submitted)" : "narrating", input.path(),
                folder);
        return jobOperator.start(narrationJob, RunContext.parameters(input, inputSha256, folder, run, dryRun));
    }

    private Optional<JobExecution> lastExecution(Path folder) {
        List<JobInstance> instances = jobRepository.getJobInstances(NarrationJobConfiguration.JOB_NAME, 0, 100);
        for (JobInstance instance : instances) {
            JobExecution execution = jobRepository.getLastJobExecution(instance);
            JobParameters parameters = execution == null ? null : execution.getJobParameters();
            if (parameters != null && folder.toString().equals(parameters.getString(RunContext.OUTPUT_DIR))
                    && !RunContext.isDryRun(parameters)) {
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
        return input.path().toAbsolutePath().normalize().toString().equals(parameters.getString(RunContext.INPUT))
                && inputSha256.equals(parameters.getString(RunContext.INPUT_SHA256));
    }
}
