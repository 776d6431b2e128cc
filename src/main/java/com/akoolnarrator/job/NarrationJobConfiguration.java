package com.akoolnarrator.job;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import javax.sql.DataSource;

import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.FlowBuilder;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.flow.Flow;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.ChunkOrientedStepBuilder;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.batch.infrastructure.item.support.CompositeItemWriter;
import org.springframework.batch.infrastructure.item.database.builder.JdbcCursorItemReaderBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import com.akoolnarrator.NarratorProperties;
import com.akoolnarrator.akool.AkoolClient;
import com.akoolnarrator.akool.AkoolException;
import com.akoolnarrator.akool.AkoolProperties;
import com.akoolnarrator.input.CsvRowReader;
import com.akoolnarrator.input.InputFile;
import com.akoolnarrator.input.InputRecord;
import com.akoolnarrator.input.KnownVoices;
import com.akoolnarrator.input.RowValidator;
import com.akoolnarrator.input.ValidatedRow;
import com.akoolnarrator.ledger.NarrationLedger;
import com.akoolnarrator.ledger.PendingNarration;
import com.akoolnarrator.ledger.RunRowWriter;
import com.akoolnarrator.ledger.TrackedNarration;
import com.akoolnarrator.report.ResultRow;
import com.akoolnarrator.report.ResultRowReader;
import com.akoolnarrator.report.ListeningReportWriter;
import com.akoolnarrator.report.ResultsWriter;
import com.akoolnarrator.storage.AudioDownloader;
import com.akoolnarrator.storage.DownloadException;
import com.akoolnarrator.storage.OutputFolder;

/**
 * The narration job: validate the input into the ledger, then submit and collect side by side (downloads start while
 * rows are still being submitted), then write the results.
 *
 * <pre>
 * validate ──▶ ┬─ submit  (create/clone, rate-limited, each accepted id committed first)
 *              └─ collect (poll due jobs, download completed MP3s)          ──▶ join ──▶ results
 * </pre>
 *
 * A text over Akool's word limit is validated into parts; each part is submitted and collected like a row, and the
 * join step writes the row's MP3 from them.
 *
 * Every step reads what is left to do from the ledger, so a restarted execution carries on where the last one stopped;
 * submit and collect run again on every restart (their work list is the ledger's, not a saved position), so a row
 * submitted on restart is always followed.
 */
@Configuration(proxyBeanMethods = false)
public class NarrationJobConfiguration {

    public static final String JOB_NAME = "narration";
    public static final String INPUT = "input";
    public static final String INPUT_SHA256 = "input.sha256";
    public static final String OUTPUT_DIR = "output.dir";
    public static final String RUN = "run";
    public static final String DRY_RUN = "dry-run";

    private static final String RUN_ID = "#{stepExecution.jobExecution.jobInstance.instanceId}";

    @Bean
    Job narrationJob(JobRepository jobRepository, Step validateStep, Step submitStep, Step collectStep, Step joinStep,
            Step resultsStep,
            AudioJobTracker tracker, ConsecutiveFailureGuard guard, RunProgress runProgress, StopSignal stopSignal) {
        Flow submit = new FlowBuilder<Flow>("submitFlow").start(submitStep).build();
        Flow collect = new FlowBuilder<Flow>("collectFlow").start(collectStep).build();
        Flow narrate = new FlowBuilder<Flow>("narrate")
            .split(new SimpleAsyncTaskExecutor("narrate-"))
            .add(submit, collect)
            .build();
        return new JobBuilder(JOB_NAME, jobRepository)
            .listener(new JobExecutionListener() {
                @Override
                public void beforeJob(JobExecution execution) {
                    tracker.startRun(execution.getJobInstance().getInstanceId());
                    guard.reset();
                    stopSignal.reset();
                }
            })
            .listener(runProgress)
            .start(validateStep)
            .next(dryRunDecider())
                .on(DRY_RUN).end()
            .from(dryRunDecider())
                .on("*").to(narrate).next(joinStep).next(resultsStep)
            .end()
            .build();
    }

    /** A dry run ({@code --dry-run}) stops after validation: everything is checked, nothing is submitted. */
    private static org.springframework.batch.core.job.flow.JobExecutionDecider dryRunDecider() {
        return (jobExecution, stepExecution) -> new org.springframework.batch.core.job.flow.FlowExecutionStatus(
                "true".equals(jobExecution.getJobParameters().getString(DRY_RUN)) ? DRY_RUN : "NARRATE");
    }

    @Bean
    StopSignal stopSignal() {
        return new StopSignal();
    }

    @Bean
    RunProgress runProgress(NarrationLedger ledger, NarratorProperties settings) {
        return new RunProgress(ledger, settings.progressInterval(), System.console() != null);
    }

    // ---- validate: CSV rows into the ledger ----

    @Bean
    Step validateStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, NarratorProperties settings,
            CsvRowReader inputRowReader, RowValidator rowValidator, RunRowWriter ledgerRowWriter, StopSignal stopSignal) {
        // the rows and the reader's position commit together (without a transaction manager Batch 6 uses none)
        return new StepBuilder("validate", jobRepository)
            .<InputRecord, ValidatedRow>chunk(Math.max(100, settings.chunkSize() * 10))
            .transactionManager(transactionManager)
            .interruptionPolicy(stopSignal)
            .reader(inputRowReader)
            .processor(rowValidator)
            .writer(ledgerRowWriter)
            .build();
    }

    @Bean
    @StepScope
    CsvRowReader inputRowReader(@Value("#{jobParameters['" + INPUT + "']}") String input) {
        return new CsvRowReader(InputFile.inspect(Path.of(input)));
    }

    @Bean
    @StepScope
    RowValidator rowValidator(@Value("#{jobParameters['" + INPUT + "']}") String input, NarratorProperties settings,
            KnownVoices knownVoices) {
        return new RowValidator(InputFile.inspect(Path.of(input)).header(), settings.defaultRate(), settings.maxWords(),
                knownVoices);
    }

    @Bean
    @StepScope
    RunRowWriter ledgerRowWriter(NarrationLedger ledger, NarratorProperties settings,
            @Value("#{jobParameters['" + INPUT + "']}") String input,
            @Value("#{jobParameters['" + INPUT_SHA256 + "']}") String inputSha256,
            @Value("#{jobParameters['" + OUTPUT_DIR + "']}") String outputDir,
            @Value("#{jobParameters['" + DRY_RUN + "']}") String dryRun, @Value(RUN_ID) long runId) {
        return new RunRowWriter(ledger, runId, InputFile.inspect(Path.of(input)), inputSha256,
                new OutputFolder(Path.of(outputDir)), settings.resultRetention(), "true".equals(dryRun));
    }

    // ---- submit: one create/clone per pending narration ----

    @Bean
    Step submitStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, NarratorProperties settings,
            PendingSubmissionReader pendingSubmissions, AudioSubmitter audioSubmitter,
            AudioJobTracker tracker, RetryPolicy akoolRetryPolicy, RowFailures rowFailures, StopSignal stopSignal) {
        return rowByRow(new StepBuilder("submit", jobRepository).<PendingNarration, TrackedNarration>chunk(settings.chunkSize()),
                transactionManager, akoolRetryPolicy, rowFailures, executor("submit-", settings.submitThreads()), stopSignal)
            .reader(pendingSubmissions)
            .processor(audioSubmitter)
            .writer(chunk -> tracker.trackAll(chunk.getItems()))
            .listener(new StepExecutionListener() {
                @Override
                public void beforeStep(StepExecution stepExecution) {
                    // jobs submitted by an earlier execution, followed before this one submits anything: no job can
                    // then reach the tracker twice, so the tracker need not remember the jobs it has finished
                    tracker.resumeFromLedger();
                }

                @Override
                public ExitStatus afterStep(StepExecution stepExecution) {
                    tracker.submissionEnded();
                    return null;
                }
            })
            .build();
    }

    @Bean
    @StepScope
    PendingSubmissionReader pendingSubmissions(JdbcCursorItemReader<PendingNarration> pendingNarrations,
            NarrationLedger ledger, CountedAttempts countedAttempts, NarratorProperties settings) {
        return new PendingSubmissionReader(pendingNarrations, ledger, countedAttempts, settings.chunkSize());
    }

    @Bean
    @StepScope
    CountedAttempts countedAttempts() {
        return new CountedAttempts();
    }

    /**
     * Pending narrations of the run, in input order, from one cursor (a paging query would sort the remaining rows
     * again for every page). Not restartable by position, and need not be: what is still PENDING is exactly what is
     * left.
     */
    @Bean
    @StepScope
    JdbcCursorItemReader<PendingNarration> pendingNarrations(DataSource dataSource, @Value(RUN_ID) long runId) {
        return new JdbcCursorItemReaderBuilder<PendingNarration>()
            .name("pendingNarrations")
            .dataSource(dataSource)
            .sql(NarrationLedger.PENDING_SQL)
            .queryArguments(runId)
            .rowMapper((rs, i) -> NarrationLedger.pending(rs))
            .fetchSize(100)
            .saveState(false)
            .build();
    }

    // ---- collect: poll and download ----

    @Bean
    Step collectStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, NarratorProperties settings,
            AudioJobTracker tracker, AudioFetcher audioFetcher, NarrationLedger ledger, ConsecutiveFailureGuard guard,
            RetryPolicy akoolRetryPolicy, RowFailures rowFailures, StopSignal stopSignal) {
        return rowByRow(new StepBuilder("collect", jobRepository).<TrackedNarration, FetchedAudio>chunk(settings.chunkSize()),
                transactionManager, akoolRetryPolicy, rowFailures, executor("download-", settings.downloadThreads()), stopSignal)
            .reader(tracker::next)
            .processor(audioFetcher)
            .writer(chunk -> {
                ledger.recordDownloaded(chunk.getItems().stream()
                    .map(fetched -> new NarrationLedger.DownloadedNarration(fetched.narration().key(), fetched.audio()))
                    .toList());
                guard.success(ConsecutiveFailureGuard.Phase.COLLECT);
            })
            .build();
    }

    @Bean
    @StepScope
    AudioFetcher audioFetcher(CloseableHttpClient akoolHttpClient, NarratorProperties settings,
            @Value("#{jobParameters['" + OUTPUT_DIR + "']}") String outputDir) {
        return new AudioFetcher(new AudioDownloader(akoolHttpClient, new OutputFolder(Path.of(outputDir)),
                settings.downloadMaxBytes()));
    }

    // ---- join: rows narrated in parts ----

    @Bean
    Step joinStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, PartJoiner partJoiner) {
        return new StepBuilder("join", jobRepository)
            .tasklet(partJoiner, transactionManager)
            .allowStartIfComplete(true)
            .build();
    }

    @Bean
    @StepScope
    PartJoiner partJoiner(NarrationLedger ledger, @Value("#{jobParameters['" + OUTPUT_DIR + "']}") String outputDir,
            @Value(RUN_ID) long runId) {
        return new PartJoiner(ledger, new OutputFolder(Path.of(outputDir)), runId);
    }

    // ---- results ----

    @Bean
    Step resultsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            JdbcCursorItemReader<ResultRow> resultRows, ResultsWriter resultsWriter, ListeningReportWriter listeningReport,
            StopSignal stopSignal) {
        return new StepBuilder("results", jobRepository)
            .<ResultRow, ResultRow>chunk(1000)
            .transactionManager(transactionManager)
            .interruptionPolicy(stopSignal)
            .reader(resultRows)
            .writer(new CompositeItemWriter<>(List.of(resultsWriter, listeningReport)))
            .listener(resultsWriter)
            .listener(listeningReport)
            .allowStartIfComplete(true)
            .build();
    }

    @Bean
    @StepScope
    JdbcCursorItemReader<ResultRow> resultRows(DataSource dataSource, @Value(RUN_ID) long runId) {
        return ResultRowReader.create(dataSource, runId);
    }

    @Bean
    @StepScope
    ResultsWriter resultsWriter(NarratorProperties settings, @Value("#{jobParameters['" + INPUT + "']}") String input,
            @Value("#{jobParameters['" + OUTPUT_DIR + "']}") String outputDir) {
        InputFile inputFile = InputFile.inspect(Path.of(input));
        return new ResultsWriter(Path.of(outputDir), inputFile.header(), inputFile.delimiter(), settings.neutraliseFormulas());
    }

    @Bean
    @StepScope
    ListeningReportWriter listeningReport(@Value("#{jobParameters['" + INPUT + "']}") String input,
            @Value("#{jobParameters['" + OUTPUT_DIR + "']}") String outputDir) {
        InputFile inputFile = InputFile.inspect(Path.of(input));
        return new ListeningReportWriter(Path.of(outputDir), inputFile.header(), inputFile.path().getFileName().toString());
    }

    // ---- shared pieces ----

    /** Transient Akool and download faults: exponential backoff with jitter, bounded by {@code akool.retry.*}. */
    @Bean
    RetryPolicy akoolRetryPolicy(AkoolProperties akool) {
        AkoolProperties.Retry retry = akool.retry();
        return RetryPolicy.builder()
            .includes(AkoolException.Transient.class, DownloadException.Transient.class)
            .maxRetries(retry.maxRetries())
            .delay(retry.delay())
            .multiplier(retry.multiplier())
            .maxDelay(retry.maxDelay())
            .jitter(retry.jitter())
            .build();
    }

    @Bean
    ConsecutiveFailureGuard consecutiveFailureGuard(NarratorProperties settings) {
        return new ConsecutiveFailureGuard(settings.maxConsecutiveFailures());
    }

    @Bean
    RowFailures rowFailures(NarrationLedger ledger, ConsecutiveFailureGuard guard) {
        return new RowFailures(ledger, guard);
    }

    @Bean
    @StepScope
    AudioSubmitter audioSubmitter(AkoolClient akool, NarrationLedger ledger, ConsecutiveFailureGuard guard, Clock clock,
            CountedAttempts countedAttempts) {
        return new AudioSubmitter(akool, ledger, guard, clock, countedAttempts);
    }

    @Bean(destroyMethod = "close")
    AudioJobTracker audioJobTracker(AkoolClient akool, NarrationLedger ledger, RowFailures rowFailures,
            NarratorProperties settings) {
        return new AudioJobTracker(akool, ledger, rowFailures, settings.pollMinInterval(), settings.pollMaxInterval(),
                settings.pollThreads());
    }

    @Bean
    KnownVoices knownVoices(AkoolClient akool) {
        return new KnownVoices(akool);
    }

    @Bean
    NarrationLedger narrationLedger(JdbcTemplate jdbcTemplate, PlatformTransactionManager transactionManager, Clock clock) {
        return new NarrationLedger(jdbcTemplate, transactionManager, clock);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * What submit and collect share: rows processed concurrently, transient faults retried with backoff, a row that
     * cannot succeed skipped and recorded as FAILED, a stop honoured at the next chunk, and the step run again on every
     * restart (its work list is the ledger's, not a saved position).
     */
    private static <I, O> ChunkOrientedStepBuilder<I, O> rowByRow(ChunkOrientedStepBuilder<I, O> step,
            PlatformTransactionManager transactionManager, RetryPolicy retryPolicy, RowFailures rowFailures,
            org.springframework.core.task.AsyncTaskExecutor executor, StopSignal stopSignal) {
        return step.transactionManager(transactionManager)
            .interruptionPolicy(stopSignal)
            .faultTolerant()
            .retryPolicy(retryPolicy)
            .skipPolicy(rowFailures)
            .skipListener(rowFailures)
            .taskExecutor(executor)
            .allowStartIfComplete(true);
    }

    private static org.springframework.core.task.AsyncTaskExecutor executor(String prefix, int threads) {
        var executor = new org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix(prefix);
        executor.setCorePoolSize(Math.max(1, threads));
        executor.setMaxPoolSize(Math.max(1, threads));
        executor.setDaemon(true);
        executor.initialize();
        return executor;
    }
}
