package com.akoolnarrator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;

import com.akoolnarrator.akool.AkoolClient;
import com.akoolnarrator.akool.AkoolCredentials;
import com.akoolnarrator.akool.AkoolRequestThrottle;
import com.akoolnarrator.simulator.AkoolSimulator;
import com.akoolnarrator.simulator.SimulatorSettings;

import tools.jackson.databind.json.JsonMapper;

/**
 * A simulator on loopback and an HttpClient configured like the job's (no automatic retries), for tests that exercise
 * the client or the downloader without a Spring context.
 */
public final class SimulatorFixture implements AutoCloseable {

    public final SimulatorSettings settings = new SimulatorSettings();
    public final AkoolSimulator simulator;
    public final CloseableHttpClient http = HttpClients.custom().disableAutomaticRetries().build();

    public SimulatorFixture(String apiKey, Duration processingBase) {
        settings.setApiKey(apiKey);
        settings.setProcessingBase(processingBase);
        settings.setProcessingPerChar(Duration.ZERO);
        try {
            simulator = new AkoolSimulator(settings).start();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A client without a request budget, authenticating as given. */
    public AkoolClient client(AkoolCredentials credentials) {
        return new AkoolClient(simulator.baseUrl(), credentials, http, new AkoolRequestThrottle(0, 1), JsonMapper.builder().build());
    }

    /** A client with the simulator's own key. */
    public AkoolClient client() {
        return client(new AkoolCredentials.ApiKey(settings.getApiKey(), "test"));
    }

    @Override
    public void close() throws IOException {
        http.close();
        simulator.close();
    }
}
