package com.akoolnarrator.settings;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.util.unit.DataSize;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The job's settings ({@code narrator.*}); every one is documented in the README and can come from a job file, the
 * command line or the environment.
 */
@ConfigurationProperties("narrator")
public record NarratorProperties(
        Path input,
        @DefaultValue("out") Path outputDir,
        @DefaultValue("100%") String defaultRate,
        @DefaultValue("5000") int maxWords,
        @DefaultValue("50000") int maxCharacters,
        @DefaultValue("50") int chunkSize,
        @DefaultValue("8") int submitThreads,
        @DefaultValue("8") int pollThreads,
        @DefaultValue("4") int downloadThreads,
        @DefaultValue("500ms") Duration pollMinInterval,
        @DefaultValue("15s") Duration pollMaxInterval,
        @DefaultValue("20") int maxConsecutiveFailures,
        @DefaultValue("209715200") long downloadMaxBytes,
        @DefaultValue("64MB") DataSize minFreeDisk,
        @DefaultValue("true") boolean neutraliseFormulas,
        @DefaultValue("7d") Duration resultRetention,
        @DefaultValue("10s") Duration progressInterval,
        @DefaultValue("1h") Duration akoolJobTimeout,
        @DefaultValue("false") boolean resendUnconfirmed,
        @DefaultValue("4.4") double creditsPerThousandCharacters,
        @DefaultValue("false") boolean dryRun) {
}
