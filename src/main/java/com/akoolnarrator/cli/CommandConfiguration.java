package com.akoolnarrator.cli;

import java.time.Clock;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.akoolnarrator.NarratorProperties;
import com.akoolnarrator.akool.AkoolClient;
import com.akoolnarrator.akool.AkoolConnection;
import com.akoolnarrator.akool.AkoolRequestThrottle;
import com.akoolnarrator.akool.VoicesCommand;
import com.akoolnarrator.input.KnownVoices;
import com.akoolnarrator.job.StopSignal;
import com.akoolnarrator.job.submit.CreditCheck;
import com.akoolnarrator.job.collect.AudioJobTracker;
import com.akoolnarrator.ledger.FolderLock;
import com.akoolnarrator.ledger.RunRegistry;
import com.akoolnarrator.ledger.RunStatistics;

/** What faces the user: the command, its launcher, its summary and its progress display. */
@Configuration(proxyBeanMethods = false)
public class CommandConfiguration {

    @Bean
    NarrationCommand narrationCommand(JobOperator jobOperator, JobRepository jobRepository, Job narrationJob,
            RunStatistics statistics, RunRegistry registry, AkoolConnection akoolConnection, KnownVoices knownVoices,
            AudioJobTracker audioJobTracker, RunProgress runProgress, StopSignal stopSignal, NarratorProperties settings,
            AkoolRequestThrottle throttle, Clock clock, AkoolClient akoolClient, CreditCheck creditCheck,
            FolderLock folderLock) {
        return new NarrationCommand(new RunLauncher(jobOperator, jobRepository, narrationJob),
                new RunSummary(statistics, registry, throttle, settings.creditsPerThousandCharacters(), akoolClient,
                        creditCheck), akoolConnection,
                knownVoices,
                audioJobTracker, runProgress, stopSignal, clock, folderLock);
    }

    @Bean
    RunProgress runProgress(RunStatistics statistics, AkoolRequestThrottle throttle, NarratorProperties settings) {
        return new RunProgress(statistics, throttle, settings.progressInterval(), System.console() != null);
    }

    /** Tests turn this off ({@code narrator.run-on-startup=false}) and call the command themselves. */
    @Bean
    @ConditionalOnBooleanProperty(name = "narrator.run-on-startup", matchIfMissing = true)
    NarrationRunner narrationRunner(NarrationCommand narrationCommand, AkoolClient akoolClient, AkoolConnection akoolConnection,
            NarratorProperties settings, JobRepository jobRepository, RunStatistics statistics, Clock clock) {
        return new NarrationRunner(narrationCommand, new VoicesCommand(akoolClient),
                new StatusCommand(jobRepository, statistics, clock), akoolConnection.credentials().isPresent(), settings);
    }
}
