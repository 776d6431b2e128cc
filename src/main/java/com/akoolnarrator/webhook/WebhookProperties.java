package com.akoolnarrator.webhook;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import com.akoolnarrator.akool.AkoolCredentials;
import com.akoolnarrator.akool.AkoolProperties;
import com.akoolnarrator.settings.SettingCheck.InvalidSettingException;

import static com.akoolnarrator.settings.SettingCheck.between;
import static com.akoolnarrator.settings.SettingCheck.positive;
import static com.akoolnarrator.settings.SettingCheck.webAddress;

/**
 * Akool's callbacks ({@code narrator.webhook.*}): off unless {@code url} is set.
 *
 * @param url         the address Akool calls, which must reach the receiver (an ingress, say): given to Akool with
 *                    every create and clone of a row without a {@code webhook_url} of its own
 * @param port        where the receiver listens; default the URL's port
 * @param bindAddress the interface it listens on
 * @param receiver    {@code in-run}: each run listens while it narrates; {@code standalone}: a
 *                    {@code webhook-receiver} process does, and runs read what it wrote in the job database
 * @param pollAfter   how long after a job should be done, by what the run has learnt, it is polled all the same
 * @param maxAge      how far a callback's timestamp may be from now
 * @param readTimeout how long the receiver waits for a request's next bytes, and for the whole of its body
 * @param maxConnections how many connections the receiver holds open at once: the rest wait in the system's queue
 */
@ConfigurationProperties("narrator.webhook")
public record WebhookProperties(
        URI url,
        Integer port,
        @DefaultValue("0.0.0.0") String bindAddress,
        @DefaultValue("in-run") Receiver receiver,
        @DefaultValue("5s") Duration pollAfter,
        @DefaultValue("10m") Duration maxAge,
        @DefaultValue("10s") Duration readTimeout,
        @DefaultValue("100") int maxConnections) {

    /** Who listens for Akool's callbacks. */
    public enum Receiver { IN_RUN, STANDALONE }

    public WebhookProperties {
        if (url != null) {
            webAddress("narrator.webhook.url", url);
        }
        if (port != null) {
            between("narrator.webhook.port", port, 1, 65_535);
        }
        positive("narrator.webhook.poll-after", pollAfter);
        positive("narrator.webhook.max-age", maxAge);
        between("narrator.webhook.read-timeout", readTimeout, Duration.ofMillis(100), Duration.ofMinutes(10));
        between("narrator.webhook.max-connections", maxConnections, 1, 10_000);
    }

    /**
     * Whether callbacks can work with these credentials and this job database, before anything is created: Akool's
     * signature and encryption need the client id and a key of an AES length, and a receiver of its own needs a job
     * database that two processes can share.
     *
     * @return the seal Akool's callbacks are opened with
     * @throws InvalidSettingException naming what to set, never the key
     */
    public WebhookSeal check(AkoolProperties akool, Optional<AkoolCredentials> credentials, boolean databaseOnServer) {
        if (receiver == Receiver.STANDALONE && !databaseOnServer) {
            throw InvalidSettingException.because("narrator.webhook.receiver", "narrator.webhook.receiver=standalone needs"
                    + " the job database on a PostgreSQL server (spring.datasource.url=jdbc:postgresql://...): a"
                    + " webhook-receiver process cannot write into a run's own H2 file");
        }
        AkoolCredentials given = credentials.orElse(null);
        String clientId = given instanceof AkoolCredentials.ClientCredentials client ? client.clientId() : akool.clientId();
        if (clientId == null || clientId.isBlank()) {
            throw InvalidSettingException.because("akool.client-id", "narrator.webhook.url needs akool.client-id (for"
                    + " example the environment variable AKOOL_CLIENT_ID): Akool signs and encrypts its callbacks with it");
        }
        String key = given instanceof AkoolCredentials.ApiKey apiKey ? apiKey.key()
                : given instanceof AkoolCredentials.ClientCredentials client ? client.clientSecret() : null;
        if (key == null || key.isBlank()) {
            throw InvalidSettingException.because("akool.api-key", "narrator.webhook.url needs the API key (AKOOL_API_KEY):"
                    + " Akool encrypts its callbacks with it");
        }
        try {
            return new WebhookSeal(clientId.trim(), key.trim());
        }
        catch (IllegalArgumentException e) {
            throw InvalidSettingException.because("akool.api-key", e.getMessage());
        }
    }

    public boolean isOn() {
        return url != null;
    }

    /** Whether this run listens itself. */
    public boolean listensInRun() {
        return isOn() && receiver == Receiver.IN_RUN;
    }

    /** The port to listen on: the setting, else the URL's own. */
    public int listenPort() {
        if (port != null) {
            return port;
        }
        return url.getPort() > 0 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
    }

    /** The path Akool posts to: the URL's, {@code /} when it has none. */
    public String path() {
        return url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
    }
}
