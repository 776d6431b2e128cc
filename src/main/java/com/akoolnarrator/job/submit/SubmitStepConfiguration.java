package com.akoolnarrator.job.submit;

import java.time.Clock;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.akoolnarrator.NarratorProperties;
import com.akoolnarrator.akool.AkoolClient;
import com.akoolnarrator.job.ConsecutiveFailureGuard;
import com.akoolnarrator.job.RowByRowSteps;
import com.akoolnarrator.job.collect.AudioJobTracker;
import com.akoolnarrator.ledger.AkoolJobFacts;
import com.akoolnarrator.ledger.LedgerReaders;
import com.akoolnarrator.ledger.PendingNarration;
import com.akoolnarrator.ledger.RunStatistics;
import com.akoolnarrator.ledger.TrackedNarration;

/** The submit step: one create or clone per pending narration, each accepted id in the ledger before anything else. */
@Configuration(proxyBeanMethods = false)
public class SubmitStepConfiguration {

    private static final String RUN_ID = "#{stepExecution.jobExecution.jobInstance.instanceId}";

    @Bean
    Step submitStep(JobRepository jobRepository, RowByRowSteps rowByRow, NarratorProperties settings,
            PendingSubmissionReader pendingSubmissions, AudioSubmitter audioSubmitter, AudioJobTracker tracker,
            CreditCheck creditCheck) {
        return rowByRow.configure(new StepBuilder("submit", jobRepository)
                .<PendingNarration, TrackedNarration>chunk(settings.chunkSize()), "submit-", settings.submitThreads())
            .reader(pendingSubmissions)
            .processor(audioSubmitter)
            .writer(chunk -> tracker.trackAll(chunk.getItems()))
            .listener(new StepExecutionListener() {
                @Override
                public void beforeStep(StepExecution stepExecution) {
                    creditCheck.check(stepExecution.getJobExecution().getJobInstance().getInstanceId());
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
    PendingSubmissionReader pendingSubmissions(LedgerReaders readers, AkoolJobFacts facts, CountedAttempts countedAttempts,
            NarratorProperties settings, @Value(RUN_ID) long runId) {
        return new PendingSubmissionReader(readers.pendingNarrations(runId), facts, countedAttempts, settings.chunkSize());
    }

    @Bean
    CreditCheck creditCheck(AkoolClient akool, RunStatistics statistics, NarratorProperties settings) {
        return new CreditCheck(akool, statistics, settings.creditsPerThousandCharacters());
    }

    @Bean
    @StepScope
    CountedAttempts countedAttempts() {
        return new CountedAttempts();
    }

    @Bean
    @StepScope
    AudioSubmitter audioSubmitter(AkoolClient akool, AkoolJobFacts facts, ConsecutiveFailureGuard guard, Clock clock,
            CountedAttempts countedAttempts) {
        return new AudioSubmitter(akool, facts, guard, clock, countedAttempts);
    }
}
