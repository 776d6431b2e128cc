package com.akoolnarrator.job;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.FlowBuilder;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.flow.Flow;
import org.springframework.batch.core.job.flow.FlowExecutionStatus;
import org.springframework.batch.core.job.flow.JobExecutionDecider;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

import com.akoolnarrator.akool.AkoolClient;
import com.akoolnarrator.akool.AkoolConnection;
import com.akoolnarrator.akool.AkoolException;
import com.akoolnarrator.akool.AkoolProperties;
import com.akoolnarrator.akool.AkoolRequestThrottle;
import com.akoolnarrator.ledger.AkoolJobFacts;
import com.akoolnarrator.ledger.LearntRates;
import com.akoolnarrator.ledger.RunRegistry;
import com.akoolnarrator.ledger.RunStatistics;
import com.akoolnarrator.ledger.SpendingGate;
import com.akoolnarrator.settings.NarratorProperties;
import com.akoolnarrator.storage.DownloadException;
import com.akoolnarrator.webhook.WebhookReceiver;

/**
 * The narration job: validate the input into the ledger, move the takes a reviewer sent back on to their next take
 * ({@code review}), then submit and collect side by side (downloads start while
 * rows are still being submitted), then join the rows narrated in parts and write the results. Each step is configured
 * in the package of its phase: {@code validate}, {@code submit}, {@code collect}, {@code finish}; they import this
 * package, never each other.
 *
 * <pre>
 * validate ──▶ redo ──▶ ┬─ submit  (create/clone, rate-limited, each accepted id committed first)
 *                       └─ collect (takes over the accepted jobs from the ledger, polls them, downloads completed MP3s)
 *                                               ──▶ join ──▶ review ──▶ tag ──▶ captions ──▶ results
 * </pre>
 *
 * Steps hand work to each other through the ledger only, so a restarted execution carries on where the last one
 * stopped; submit and collect run again on every restart (their work list is the ledger's, not a saved position).
 */
@Configuration(proxyBeanMethods = false)
class NarrationJobConfiguration {

    public static final String JOB_NAME = "narration";

    private static final String DRY_RUN = "DRY_RUN";

    /** A dry run ({@code --dry-run}) stops after validation: everything is checked, nothing is submitted. */
    private static final JobExecutionDecider DRY_RUN_DECIDER = (jobExecution, stepExecution) ->
            new FlowExecutionStatus(RunContext.isDryRun(jobExecution.getJobParameters()) ? DRY_RUN : "NARRATE");

    @Bean
    Job narrationJob(JobRepository jobRepository, Step validateStep, Step redoStep, Step submitStep, Step collectStep,
            Step tagEarlyStep, Step captionEarlyStep, Step storeEarlyStep, Step joinStep, Step reviewStep, Step tagStep,
            Step captionStep, Step storeStep, Step resultsStep, RunContexts runContexts,
            @Qualifier("runProgress") JobExecutionListener runProgress, LearntRateListener learntRate) {
        Flow submit = new FlowBuilder<Flow>("submitFlow").start(submitStep).build();
        Flow collect = new FlowBuilder<Flow>("collectFlow").start(collectStep).build();
        // into a bucket, files are tagged, captioned and stored as they are downloaded (AsDownloaded); into a folder,
        // these three find nothing, and the steps after the split finish every file
        Flow narrate = new FlowBuilder<Flow>("narrate")
            .split(new SimpleAsyncTaskExecutor("narrate-"))
            .add(submit, collect, new FlowBuilder<Flow>("tagEarlyFlow").start(tagEarlyStep).build(),
                    new FlowBuilder<Flow>("captionEarlyFlow").start(captionEarlyStep).build(),
                    new FlowBuilder<Flow>("storeEarlyFlow").start(storeEarlyStep).build())
            .build();
        return new JobBuilder(JOB_NAME, jobRepository)
            .listener(runContexts)
            .listener(runProgress)
            .listener(learntRate)
            .start(validateStep)
            .next(DRY_RUN_DECIDER)
                .on(DRY_RUN).end()
            .from(DRY_RUN_DECIDER)
                .on("*").to(redoStep).next(narrate).next(joinStep).next(reviewStep).next(tagStep).next(captionStep)
                .next(storeStep).next(resultsStep)
            .end()
            .build();
    }

    @Bean
    NarrationLauncher narrationLauncher(JobOperator jobOperator, JobRepository jobRepository, Job narrationJob,
            RunStatistics statistics, RunContexts runContexts, AkoolJobFacts facts, SpendingGate spendingGate,
            WebhookReceiver webhookReceiver) {
        return new NarrationLauncher(jobOperator, jobRepository, narrationJob, statistics, runContexts, facts,
                spendingGate, webhookReceiver);
    }

    @Bean
    RunContexts runContexts(NarratorProperties settings, AkoolClient akool, RunRegistry registry) {
        return new RunContexts(settings.maxConsecutiveFailures(), settings.minFreeDisk().toBytes(), akool, registry);
    }

    @Bean
    LearntRateListener learntRateListener(AkoolRequestThrottle throttle, LearntRates learntRates, AkoolConnection akool) {
        return new LearntRateListener(throttle, learntRates, akool);
    }

    /** Transient Akool and download faults: exponential backoff with jitter, bounded by {@code akool.retry.*}. */
    @Bean
    RetryPolicy akoolRetryPolicy(AkoolProperties akool) {
        return RetryPolicy.builder()
            .includes(AkoolException.Transient.class, DownloadException.Transient.class)
            .backOff(akool.retry().backOff())
            .build();
    }

    /** The skip policy and listener of a step: its run's failure guard, found when the step runs. */
    @Bean
    @StepScope
    RowFailures rowFailures(AkoolJobFacts facts, RunContexts runs, @Value("#{stepExecution}") StepExecution step) {
        return new RowFailures(facts, runs.state(step).guard());
    }

    @Bean
    RowByRowSteps rowByRowSteps(PlatformTransactionManager transactionManager, RetryPolicy akoolRetryPolicy,
            RowFailures rowFailures, RunContexts runContexts) {
        return new RowByRowSteps(transactionManager, akoolRetryPolicy, rowFailures, runContexts);
    }
}
