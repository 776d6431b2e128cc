package com.akoolnarrator.job.submit;

import java.time.Clock;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import com.akoolnarrator.akool.AkoolClient;
import com.akoolnarrator.akool.AkoolProperties;
import com.akoolnarrator.akool.CreditPrice;
import com.akoolnarrator.job.RowByRowSteps;
import com.akoolnarrator.job.RunContexts;
import com.akoolnarrator.job.RunFacts;
import com.akoolnarrator.job.RunState;
import com.akoolnarrator.ledger.AcceptedJournal;
import com.akoolnarrator.ledger.AkoolJobFacts;
import com.akoolnarrator.ledger.LedgerReaders;
import com.akoolnarrator.ledger.PendingNarration;
import com.akoolnarrator.ledger.RunStatistics;
import com.akoolnarrator.ledger.SpendingGate;
import com.akoolnarrator.settings.NarratorProperties;
import com.akoolnarrator.webhook.WebhookProperties;

/**
 * The submit step: one create or clone per pending narration, each accepted id committed to the ledger before anything
 * else, which is all the collect step needs to take the job over.
 */
@Configuration(proxyBeanMethods = false)
class SubmitStepConfiguration {

    @Bean
    Step submitStep(JobRepository jobRepository, RowByRowSteps rowByRow, NarratorProperties settings,
            PendingSubmissionReader pendingSubmissions, AudioSubmitter audioSubmitter, CreditCheck creditCheck,
            @Qualifier("submitThreads") ThreadPoolTaskExecutor submitThreads) {
        return rowByRow.configure(new StepBuilder("submit", jobRepository)
                .<PendingNarration, PendingNarration>chunk(settings.chunkSize()), submitThreads)
            .reader(pendingSubmissions)
            .processor(audioSubmitter)
            .writer(accepted -> {
                // nothing left to write: each accepted job was committed by the processor before the next request
            })
            .listener(new StepExecutionListener() {
                @Override
                public void beforeStep(StepExecution stepExecution) {
                    creditCheck.check(stepExecution.getJobExecution().getJobInstance().getInstanceId())
                        .ifPresent(balance -> stepExecution.getJobExecution().getExecutionContext()
                            .put(RunFacts.BALANCE_BEFORE, balance));
                }
            })
            .build();
    }

    @Bean
    ThreadPoolTaskExecutor submitThreads(NarratorProperties settings) {
        return RowByRowSteps.pool("submit-", settings.submitThreads());
    }

    @Bean
    @StepScope
    PendingSubmissionReader pendingSubmissions(LedgerReaders readers, AkoolJobFacts facts, CountedAttempts countedAttempts,
            DeferredSubmissions deferredSubmissions, NarratorProperties settings, RunContexts runs,
            @Value("#{stepExecution}") StepExecution step) {
        return new PendingSubmissionReader(readers.pendingNarrations(step.getJobExecution().getJobInstance().getInstanceId()),
                facts, countedAttempts, settings.chunkSize(), deferredSubmissions, runs.state(step)::stopRequested);
    }

    @Bean
    @StepScope
    DeferredSubmissions deferredSubmissions(Clock clock, AkoolProperties akool) {
        return new DeferredSubmissions(clock, akool.retry());
    }

    @Bean
    CreditCheck creditCheck(AkoolClient akool, RunStatistics statistics, NarratorProperties settings) {
        return new CreditCheck(akool, statistics, new CreditPrice(settings.creditsPerThousandCharacters()));
    }

    @Bean
    @StepScope
    CountedAttempts countedAttempts() {
        return new CountedAttempts();
    }

    @Bean
    @StepScope
    AudioSubmitter audioSubmitter(AkoolClient akool, AkoolJobFacts facts, RunContexts runs, CountedAttempts countedAttempts,
            DeferredSubmissions deferredSubmissions, SpendingGate spendingGate, WebhookProperties webhook,
            @Value("#{stepExecution}") StepExecution step) {
        RunState run = runs.state(step);
        return new AudioSubmitter(akool, facts, run.guard(), countedAttempts, deferredSubmissions, spendingGate,
                AcceptedJournal.reserve(runs.of(step).outputFolder()), run::awaitDiskRoom,
                webhook.isOn() ? webhook.url().toString() : null);
    }
}
