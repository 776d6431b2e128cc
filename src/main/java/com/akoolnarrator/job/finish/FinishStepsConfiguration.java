package com.akoolnarrator.job.finish;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import com.akoolnarrator.audio.AudioCheck;
import com.akoolnarrator.audio.AudioInspector;
import com.akoolnarrator.audio.AudioProperties;
import com.akoolnarrator.job.RunContext;
import com.akoolnarrator.job.RunContexts;
import com.akoolnarrator.ledger.LedgerStore;

/**
 * The steps that finish a run's narration, on every execution: join the rows narrated in parts, then review the run's
 * audio together. The tag step (in {@code tags}) and the results step (in {@code report}) follow.
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
}
