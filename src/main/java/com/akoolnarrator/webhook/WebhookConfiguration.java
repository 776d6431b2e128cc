package com.akoolnarrator.webhook;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.akoolnarrator.akool.AkoolConnection;
import com.akoolnarrator.akool.AkoolProperties;
import com.akoolnarrator.database.JobDatabase;
import com.akoolnarrator.ledger.AkoolJobFacts;

import tools.jackson.databind.ObjectMapper;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookProperties.class)
class WebhookConfiguration {

    /** The receiver; with callbacks on, its settings are checked first ({@link WebhookProperties#check}). */
    @Bean
    WebhookReceiver webhookReceiver(WebhookProperties settings, AkoolProperties akool, AkoolConnection connection,
            AkoolJobFacts facts, ObjectMapper objectMapper, Clock clock, DataSourceProperties dataSource) {
        if (!settings.isOn()) {
            return new WebhookReceiver(settings, null, facts, clock);
        }
        WebhookSeal seal = settings.check(akool, connection.credentials(), JobDatabase.isOnServer(dataSource.getUrl()));
        return new WebhookReceiver(settings, new CallbackVerifier(seal, objectMapper, settings.maxAge()), facts, clock);
    }
}
