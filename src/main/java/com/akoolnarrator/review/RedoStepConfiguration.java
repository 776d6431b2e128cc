package com.akoolnarrator.review;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import com.akoolnarrator.job.RunContexts;
import com.akoolnarrator.ledger.LedgerStore;

/**
 * The redo step, after validation and before anything is sent: every row whose take a reviewer sent back ("redo") has
 * that take kept beside it and its narration moved on to the next take, which the submit step then sends as a new
 * Akool job. Runs on every execution, so that a crash in the middle is finished by the next one.
 */
@Configuration(proxyBeanMethods = false)
class RedoStepConfiguration {

    private static final int CHUNK = 100;

    @Bean
    Step redoStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, SentBackTakes sentBackTakes,
            TakeKeeper takeKeeper, NextTakes nextTakes) {
        return new StepBuilder("redo", jobRepository)
            .<SentBack, KeptTake>chunk(CHUNK)
            .transactionManager(transactionManager)
            .reader(sentBackTakes)
            .processor(takeKeeper)
            .writer(nextTakes)
            .allowStartIfComplete(true)
            .build();
    }

    @Bean
    @StepScope
    SentBackTakes sentBackTakes(LedgerStore ledger, @Value("#{stepExecution.jobExecution.jobInstance.instanceId}") long runId) {
        return new SentBackTakes(ledger.jdbc(), runId);
    }

    @Bean
    @StepScope
    TakeKeeper takeKeeper(RunContexts runs, @Value("#{stepExecution}") StepExecution step) {
        return new TakeKeeper(runs.of(step).outputFolder());
    }

    @Bean
    @StepScope
    NextTakes nextTakes(LedgerStore ledger, @Value("#{stepExecution.jobExecution.jobInstance.instanceId}") long runId) {
        return new NextTakes(ledger, runId);
    }
}
