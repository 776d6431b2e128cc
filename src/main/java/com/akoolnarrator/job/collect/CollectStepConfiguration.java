package com.akoolnarrator.job.collect;

import java.time.Clock;

import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.JobExecution;
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
import com.akoolnarrator.audio.AudioInspector;
import com.akoolnarrator.job.RowByRowSteps;
import com.akoolnarrator.job.RowFailures;
import com.akoolnarrator.job.RunContexts;
import com.akoolnarrator.job.StepEnded;
import com.akoolnarrator.job.RunState;
import com.akoolnarrator.ledger.AkoolJobFacts;
import com.akoolnarrator.ledger.DownloadedNarration;
import com.akoolnarrator.ledger.LedgerReaders;
import com.akoolnarrator.ledger.TrackedNarration;
import com.akoolnarrator.settings.NarratorProperties;
import com.akoolnarrator.storage.AudioDownloader;
import com.akoolnarrator.storage.OutputFolder;
import com.akoolnarrator.webhook.WebhookProperties;

/**
 * The collect step: the run's Akool jobs taken over from the ledger, followed until done, each completed one's MP3
 * downloaded as soon as it is.
 */
@Configuration(proxyBeanMethods = false)
class CollectStepConfiguration {

    /** The step the collect step waits for: while it runs, more jobs may be accepted. */
    private static final String SUBMIT_STEP = "submit";

    @Bean
    Step collectStep(JobRepository jobRepository, RowByRowSteps rowByRow, NarratorProperties settings,
            AudioJobTracker audioJobTracker, AudioFetcher audioFetcher,
            @Qualifier("downloadThreads") ThreadPoolTaskExecutor downloadThreads) {
        return rowByRow.configure(new StepBuilder("collect", jobRepository)
                .<TrackedNarration, DownloadedNarration>chunk(settings.chunkSize()), downloadThreads)
            .reader(audioJobTracker)
            .processor(audioFetcher)
            .writer(downloaded -> {
                // nothing left to write: each MP3 was recorded by the processor as soon as it was on disk
            })
            .build();
    }

    @Bean
    ThreadPoolTaskExecutor downloadThreads(NarratorProperties settings) {
        return RowByRowSteps.pool("download-", settings.downloadThreads());
    }

    @Bean
    @StepScope
    AudioFetcher audioFetcher(CloseableHttpClient akoolHttpClient, NarratorProperties settings, RunContexts runs,
            AkoolClient akool, AkoolJobFacts facts, AudioInspector inspector, @Value("#{stepExecution}") StepExecution step) {
        RunState state = runs.state(step);
        OutputFolder folder = runs.of(step).outputFolder();
        return new AudioFetcher(new AudioDownloader(akoolHttpClient, folder, settings.downloadMaxBytes()), inspector,
                folder, akool, facts, state.guard(), state::awaitDiskRoom);
    }

    @Bean
    @StepScope
    AudioJobTracker audioJobTracker(AkoolClient akool, AkoolJobFacts facts, LedgerReaders readers, RunContexts runs,
            NarratorProperties settings, WebhookProperties webhook, Clock clock, JobRepository jobRepository,
            @Value("#{stepExecution}") StepExecution step) {
        RunState state = runs.state(step);
        JobExecution execution = step.getJobExecution();
        AudioJobTracker.Run run = new AudioJobTracker.Run(execution.getJobInstance().getInstanceId(), step.getId(),
                StepEnded.of(jobRepository, execution, SUBMIT_STEP), state::stopRequested);
        return new AudioJobTracker(akool, facts, readers, new RowFailures(facts, state.guard()),
                new PollPolicy(settings.pollMinInterval(), settings.pollMaxInterval(), settings.akoolJobTimeout(),
                        webhook.isOn() ? webhook.pollAfter() : null), clock,
                run, settings.pollThreads());
    }
}
