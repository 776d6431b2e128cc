package com.akoolnarrator.akool;

import java.time.Clock;
import java.util.Optional;

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;
import com.akoolnarrator.secrets.KnownSecrets;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import tools.jackson.databind.ObjectMapper;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AkoolProperties.class)
class AkoolClientConfiguration {

    /**
     * One pooled HttpClient for the API and the MP3 downloads. Automatic retries are off: HttpClient would otherwise
     * resend a POST after a 503 or 429, and a resent create is billed twice.
     */
    @Bean(destroyMethod = "close")
    CloseableHttpClient akoolHttpClient(AkoolProperties properties) {
        PoolingHttpClientConnectionManager pool = PoolingHttpClientConnectionManagerBuilder.create()
            .setMaxConnPerRoute(properties.maxConnections())
            .setMaxConnTotal(properties.maxConnections() * 2)
            .setDefaultConnectionConfig(ConnectionConfig.custom()
                .setConnectTimeout(Timeout.of(properties.connectTimeout()))
                .setSocketTimeout(Timeout.of(properties.responseTimeout()))
                .build())
            .build();
        return HttpClients.custom()
            .setConnectionManager(pool)
            .setDefaultRequestConfig(RequestConfig.custom()
                .setResponseTimeout(Timeout.of(properties.responseTimeout()))
                .setConnectionRequestTimeout(Timeout.of(properties.responseTimeout()))
                .build())
            .disableAutomaticRetries()
            .disableCookieManagement()
            .build();
    }

    @Bean
    AkoolRequestThrottle akoolRequestThrottle(AkoolProperties properties) {
        if (properties.hasGivenRate()) {
            return new AkoolRequestThrottle(properties.requestsPerSecond(), properties.minRequestsPerSecond());
        }
        return new AkoolRequestThrottle(RatePolicy.learning(properties.startRequestsPerSecond(),
                properties.minRequestsPerSecond(), properties.maxRequestsPerSecond()));
    }

    @Bean
    AkoolConnection akoolConnection(AkoolProperties properties, Environment environment) {
        return new AkoolConnection(properties.baseUrl(), credentials(properties, environment));
    }

    @Bean
    AkoolClient akoolClient(AkoolConnection connection, CloseableHttpClient akoolHttpClient,
            AkoolRequestThrottle throttle, ObjectMapper objectMapper, KnownSecrets knownSecrets, Clock clock,
            AkoolProperties properties) {
        return new AkoolClient(connection.baseUrl(), connection.credentials().orElse(null), akoolHttpClient, throttle,
                objectMapper, knownSecrets, clock, properties.maxRetryAfter());
    }

    /** The run's secrets: the Akool credentials, the database password, and (once fetched) the bearer token. */
    @Bean
    KnownSecrets knownSecrets(AkoolConnection connection, Environment environment) {
        KnownSecrets secrets = AkoolClient.secretsOf(connection.credentials().orElse(null));
        secrets.add(environment.getProperty("spring.datasource.password"));
        return secrets;
    }

    static Optional<AkoolCredentials> credentials(AkoolProperties properties, Environment environment) {
        if (properties.hasApiKey()) {
            return Optional.of(new AkoolCredentials.ApiKey(properties.apiKey().trim(), origin(environment, "akool.api-key")));
        }
        if (properties.hasClientCredentials()) {
            return Optional.of(new AkoolCredentials.ClientCredentials(properties.clientId().trim(),
                    properties.clientSecret().trim(), origin(environment, "akool.client-secret")));
        }
        return Optional.empty();
    }

    /** Where a property was set ("environment variable AKOOL_API_KEY", a file and line...), without its value. */
    static String origin(Environment environment, String name) {
        ConfigurationPropertyName property = ConfigurationPropertyName.of(name);
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            ConfigurationProperty found = source.getConfigurationProperty(property);
            if (found != null) {
                String origin = String.valueOf(found.getOrigin());
                if (origin.startsWith("System Environment Property")) {
                    return "environment variable " + origin.replaceAll(".*\"(.*)\".*", "$1");
                }
                return origin.replaceFirst("^\"?" + java.util.regex.Pattern.quote(name) + "\"? from property source ", "")
                    .replace("\"commandLineArgs\"", "the command line");
            }
        }
        return name;
    }
}
