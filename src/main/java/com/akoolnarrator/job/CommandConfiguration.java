package com.akoolnarrator.job;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;


import com.akoolnarrator.NarratorProperties;
import com.akoolnarrator.akool.AkoolClient;
import com.akoolnarrator.akool.AkoolConnection;
import com.akoolnarrator.akool.VoicesCommand;
import com.akoolnarrator.input.KnownVoices;
import com.akoolnarrator.ledger.NarrationLedger;

@Configuration(proxyBeanMethods = false)
public class CommandConfiguration {

    @Bean
    NarrationCommand narrationCommand(JobOperator jobOperator, JobRepository jobRepository, Job narrationJob,
            NarrationLedger narrationLedger, AkoolConnection akoolConnection, KnownVoices knownVoices,
            AudioJobTracker audioJobTracker, RunProgress runProgress, StopSignal stopSignal, NarratorProperties settings) {
        return new NarrationCommand(jobOperator, jobRepository, narrationJob, narrationLedger, akoolConnection, knownVoices,
                audioJobTracker, runProgress, stopSignal, settings.creditsPerThousandCharacters());
    }

    /** Tests turn this off ({@code narrator.run-on-startup=false}) and call the command themselves. */
    @Bean
    @ConditionalOnBooleanProperty(name = "narrator.run-on-startup", matchIfMissing = true)
    NarrationRunner narrationRunner(NarrationCommand narrationCommand, AkoolClient akoolClient, AkoolConnection akoolConnection,
            NarratorProperties settings) {
        return new NarrationRunner(narrationCommand, new VoicesCommand(akoolClient), akoolConnection.credentials().isPresent(),
                settings);
    }
}
