package com.akoolnarrator.akool;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

import static com.akoolnarrator.settings.SettingCheck.atLeast;
import static com.akoolnarrator.settings.SettingCheck.between;
import static com.akoolnarrator.settings.SettingCheck.notBelow;
import static com.akoolnarrator.settings.SettingCheck.notNegative;
import static com.akoolnarrator.settings.SettingCheck.positive;
import static com.akoolnarrator.settings.SettingCheck.webAddress;

/**
 * Where Akool is and how to talk to it. Secrets are bound here from the environment or a config file, never from the
 * input CSV; {@link #toString()} never prints them.
 */
@ConfigurationProperties("akool")
public record AkoolProperties(
        @DefaultValue("https://openapi.akool.com") URI baseUrl,
        String apiKey,
        String clientId,
        String clientSecret,
        @DefaultValue("10s") Duration connectTimeout,
        @DefaultValue("60s") Duration responseTimeout,
        @DefaultValue("64") int maxConnections,
        Double requestsPerSecond,
        @DefaultValue("0.5") double minRequestsPerSecond,
        @DefaultValue("50") double maxRequestsPerSecond,
        @DefaultValue("10") double startRequestsPerSecond,
        @DefaultValue Retry retry,
        @DefaultValue("5m") Duration maxRetryAfter) {

    public AkoolProperties {
        webAddress("akool.base-url", baseUrl);
        positive("akool.connect-timeout", connectTimeout);
        positive("akool.response-timeout", responseTimeout);
        between("akool.max-connections", maxConnections, 1, 10_000);
        if (requestsPerSecond != null) {
            atLeast("akool.requests-per-second", requestsPerSecond, 0);
        }
        positive("akool.min-requests-per-second", minRequestsPerSecond);
        positive("akool.max-requests-per-second", maxRequestsPerSecond);
        positive("akool.start-requests-per-second", startRequestsPerSecond);
        notBelow("akool.max-requests-per-second", maxRequestsPerSecond, "akool.min-requests-per-second",
                minRequestsPerSecond);
        positive("akool.max-retry-after", maxRetryAfter);
    }

    /** Backoff for transient faults: exponential with jitter, bounded. */
    public record Retry(
            @DefaultValue("6") int maxRetries,
            @DefaultValue("500ms") Duration delay,
            @DefaultValue("2.0") double multiplier,
            @DefaultValue("20s") Duration maxDelay,
            @DefaultValue("250ms") Duration jitter) {

        public Retry {
            between("akool.retry.max-retries", maxRetries, 0, 100);
            notNegative("akool.retry.delay", delay);
            atLeast("akool.retry.multiplier", multiplier, 1.0);
            notNegative("akool.retry.max-delay", maxDelay);
            notNegative("akool.retry.jitter", jitter);
        }

        /** The backoff these settings describe: the framework's retry waits by it, and so does a submission put back. */
        public BackOff backOff() {
            ExponentialBackOff backOff = new ExponentialBackOff(delay.toMillis(), multiplier);
            backOff.setMaxInterval(maxDelay.toMillis());
            backOff.setJitter(jitter.toMillis());
            backOff.setMaxAttempts(maxRetries);
            return backOff;
        }
    }

    /** Whether the user gave the rate ({@code akool.requests-per-second}): then it is not learnt. */
    public boolean hasGivenRate() {
        return requestsPerSecond != null;
    }

    public boolean hasApiKey() {
        return apiKey != null && !apiKey.isBlank();
    }

    public boolean hasClientCredentials() {
        return clientId != null && !clientId.isBlank() && clientSecret != null && !clientSecret.isBlank();
    }

    @Override
    public String toString() {
        return "AkoolProperties[baseUrl=" + baseUrl + ", apiKey=" + (hasApiKey() ? "(set)" : "(none)")
                + ", clientId=" + (clientId == null ? "(none)" : "(set)") + ", clientSecret="
                + (clientSecret == null ? "(none)" : "(set)") + ", requestsPerSecond=" + requestsPerSecond + "]";
    }
}
