package com.akoolnarrator.job.finish;

import java.util.List;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.batch.infrastructure.item.support.CompositeItemWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import com.akoolnarrator.audio.AudioCheck;
import com.akoolnarrator.audio.AudioInspector;
import com.akoolnarrator.audio.AudioProperties;
import com.akoolnarrator.job.RunContext;
import com.akoolnarrator.job.RunContexts;
import com.akoolnarrator.ledger.LedgerReaders;
import com.akoolnarrator.ledger.LedgerStore;
import com.akoolnarrator.ledger.ResultRow;
import com.akoolnarrator.report.ListeningReportWriter;
import com.akoolnarrator.report.ResultsWriter;
import com.akoolnarrator.settings.NarratorProperties;

/**
 * The steps that finish a run, on every execution: join the rows narrated in parts, review the run's audio together,
 * then (after the tag step, the tags' own) write results.csv, failed.csv and the listening report from the ledger.
 */
@Configuration(proxyBeanMethods = false)
class FinishStepsConfiguration {

    @Bean
    SplitRows splitRows(LedgerStore ledger) {
        return new SplitRows(ledger);
    }

    @Bean
    AudioReview audioReview(LedgerStore ledger) {
        return new AudioReview(ledger);
    }

    @Bean
    Step joinStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, PartJoiner partJoiner) {
        return onEveryExecution("join", partJoiner, jobRepository, transactionManager);
    }

    @Bean
    @StepScope
    PartJoiner partJoiner(SplitRows splitRows, AudioInspector inspector, RunContexts runs,
            @Value("#{stepExecution}") StepExecution step) {
        RunContext run = runs.of(step);
        return new PartJoiner(splitRows, inspector, run.outputFolder(), run.runId());
    }

    @Bean
    Step reviewStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, AudioReviewer audioReviewer) {
        return onEveryExecution("review", audioReviewer, jobRepository, transactionManager);
    }

    @Bean
    @StepScope
    AudioReviewer audioReviewer(AudioReview review, AudioCheck check, AudioProperties settings,
            @Value("#{stepExecution.jobExecution.jobInstance.instanceId}") long runId) {
        return new AudioReviewer(review, check, settings, runId);
    }

    /** A step that runs again on every execution, a restart included: its work list is the ledger's, not a position. */
    private static Step onEveryExecution(String name, Tasklet tasklet, JobRepository jobRepository,
            PlatformTransactionManager transactionManager) {
        return new StepBuilder(name, jobRepository)
            .tasklet(tasklet, transactionManager)
            .allowStartIfComplete(true)
            .build();
    }

    @Bean
    Step resultsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            JdbcCursorItemReader<ResultRow> resultRows, ResultsWriter resultsWriter, ListeningReportWriter listeningReport,
            RunContexts runs) {
        return new StepBuilder("results", jobRepository)
            .<ResultRow, ResultRow>chunk(1000)
            .transactionManager(transactionManager)
            .interruptionPolicy(runs)
            .reader(resultRows)
            .writer(new CompositeItemWriter<>(List.of(resultsWriter, listeningReport)))
            .listener(resultsWriter)
            .listener(listeningReport)
            .allowStartIfComplete(true)
            .build();
    }

    @Bean
    @StepScope
    JdbcCursorItemReader<ResultRow> resultRows(LedgerReaders readers,
            @Value("#{stepExecution.jobExecution.jobInstance.instanceId}") long runId) {
        return readers.resultRows(runId);
    }

    @Bean
    @StepScope
    ResultsWriter resultsWriter(NarratorProperties settings, AudioCheck audioCheck, RunContexts runs,
            @Value("#{stepExecution}") StepExecution step) {
        RunContext run = runs.of(step);
        return new ResultsWriter(run.outputFolder().root(), run.input().header(), run.input().delimiter(),
                settings.neutraliseFormulas(), audioCheck);
    }

    @Bean
    @StepScope
    ListeningReportWriter listeningReport(RunContexts runs, AudioCheck audioCheck,
            @Value("#{stepExecution}") StepExecution step) {
        RunContext run = runs.of(step);
        return new ListeningReportWriter(run.outputFolder().root(), run.input().header(),
                run.input().source().getFileName().toString(), audioCheck);
    }
}
