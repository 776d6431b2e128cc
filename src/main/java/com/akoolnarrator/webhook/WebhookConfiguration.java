package com.akoolnarrator.webhook;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.databind.ObjectMapper;

import com.akoolnarrator.akool.AkoolConnection;
import com.akoolnarrator.akool.AkoolCredentials;
import com.akoolnarrator.akool.AkoolProperties;
import com.akoolnarrator.ledger.AkoolJobFacts;
import com.akoolnarrator.settings.SettingCheck.InvalidSettingException;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookProperties.class)
class WebhookConfiguration {

    /**
     * The receiver, checked as it is made: with callbacks on, Akool's signature and encryption need the client id and
     * a key of an AES length, and a receiver of its own needs a job database that two processes can share.
     */
    @Bean
    WebhookReceiver webhookReceiver(WebhookProperties settings, AkoolProperties akool, AkoolConnection connection,
            AkoolJobFacts facts, ObjectMapper objectMapper, Clock clock, DataSourceProperties dataSource) {
        if (!settings.isOn()) {
            return new WebhookReceiver(settings, null, facts, clock);
        }
        boolean server = dataSource.getUrl() != null && dataSource.getUrl().startsWith("jdbc:postgresql:");
        if (settings.receiver() == WebhookProperties.Receiver.STANDALONE && !server) {
            throw InvalidSettingException.because("narrator.webhook.receiver", "narrator.webhook.receiver=standalone needs"
                    + " the job database on a PostgreSQL server (spring.datasource.url=jdbc:postgresql://...): a"
                    + " webhook-receiver process cannot write into a run's own H2 file");
        }
        return new WebhookReceiver(settings, new CallbackVerifier(seal(akool, connection), objectMapper, settings.maxAge()), facts,
                clock);
    }

    /** The seal of the credentials the run's requests carry; a client id from the settings when they are a key. */
    static WebhookSeal seal(AkoolProperties akool, AkoolConnection connection) {
        AkoolCredentials credentials = connection.credentials().orElse(null);
        String clientId = credentials instanceof AkoolCredentials.ClientCredentials client ? client.clientId()
                : akool.clientId();
        if (clientId == null || clientId.isBlank()) {
            throw InvalidSettingException.because("akool.client-id", "narrator.webhook.url needs akool.client-id (for"
                    + " example the environment variable AKOOL_CLIENT_ID): Akool signs and encrypts its callbacks with it");
        }
        String key = credentials instanceof AkoolCredentials.ApiKey apiKey ? apiKey.key()
                : credentials instanceof AkoolCredentials.ClientCredentials client ? client.clientSecret() : null;
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
}
