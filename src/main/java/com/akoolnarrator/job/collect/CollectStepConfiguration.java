package com.akoolnarrator.job.collect;

import java.time.Clock;

import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.springframework.batch.core.configuration.annotation.StepScope;
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
import com.akoolnarrator.job.RowFailures;
import com.akoolnarrator.job.RunContexts;
import com.akoolnarrator.ledger.AkoolJobFacts;
import com.akoolnarrator.ledger.DownloadedNarration;
import com.akoolnarrator.ledger.LedgerReaders;
import com.akoolnarrator.ledger.TrackedNarration;
import com.akoolnarrator.storage.AudioDownloader;

/** The collect step: Akool's jobs followed until done, each completed one's MP3 downloaded as soon as it is. */
@Configuration(proxyBeanMethods = false)
public class CollectStepConfiguration {

    @Bean
    Step collectStep(JobRepository jobRepository, RowByRowSteps rowByRow, NarratorProperties settings,
            AudioJobTracker tracker, AudioFetcher audioFetcher, AkoolJobFacts facts, ConsecutiveFailureGuard guard) {
        return rowByRow.configure(new StepBuilder("collect", jobRepository)
                .<TrackedNarration, DownloadedNarration>chunk(settings.chunkSize()), "download-", settings.downloadThreads())
            .reader(tracker::next)
            .processor(audioFetcher)
            .writer(chunk -> {
                facts.recordDownloaded(chunk.getItems());
                guard.success(ConsecutiveFailureGuard.Phase.COLLECT);
            })
            .build();
    }

    @Bean
    @StepScope
    AudioFetcher audioFetcher(CloseableHttpClient akoolHttpClient, NarratorProperties settings, RunContexts runs,
            @Value("#{stepExecution}") StepExecution step) {
        return new AudioFetcher(new AudioDownloader(akoolHttpClient, runs.of(step).outputFolder(), settings.downloadMaxBytes()));
    }

    @Bean(destroyMethod = "close")
    AudioJobTracker audioJobTracker(AkoolClient akool, AkoolJobFacts facts, LedgerReaders readers, RowFailures rowFailures,
            NarratorProperties settings, Clock clock) {
        return new AudioJobTracker(akool, facts, readers, rowFailures,
                new PollPolicy(settings.pollMinInterval(), settings.pollMaxInterval(), settings.akoolJobTimeout()), clock, settings.pollThreads());
    }
}
