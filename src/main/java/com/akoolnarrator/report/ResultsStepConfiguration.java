package com.akoolnarrator.report;

import java.util.List;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.batch.infrastructure.item.support.CompositeItemWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import com.akoolnarrator.audio.AudioCheck;
import com.akoolnarrator.job.RunContext;
import com.akoolnarrator.job.RunContexts;
import com.akoolnarrator.ledger.LedgerReaders;
import com.akoolnarrator.ledger.ResultRow;
import com.akoolnarrator.settings.NarratorProperties;

/**
 * The results step, the run's last, on every execution: results.csv, failed.csv and the listening report written from
 * the ledger, one row per input row in input order.
 */
@Configuration(proxyBeanMethods = false)
class ResultsStepConfiguration {

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
