package com.akoolnarrator.simulator;

import java.io.IOException;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Primary;

import com.akoolnarrator.akool.AkoolConnection;
import com.akoolnarrator.akool.AkoolCredentials;

/**
 * With {@code simulator.embedded=true} (the demo job and the tests), the Akool simulator runs inside the application on
 * a loopback port and the client talks to it over real HTTP with the simulator's own key. An auto-configuration, so
 * that the job's component scan never sees the simulator and nothing in the job imports it.
 */
@AutoConfiguration
@ConditionalOnBooleanProperty("simulator.embedded")
class EmbeddedSimulatorConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedSimulatorConfiguration.class);

    @Bean
    @ConfigurationProperties("simulator")
    SimulatorSettings simulatorSettings() {
        return new SimulatorSettings();
    }

    @Bean(destroyMethod = "close")
    AkoolSimulator akoolSimulator(SimulatorSettings settings) throws IOException {
        AkoolSimulator simulator = new AkoolSimulator(settings).start();
        log.info("Embedded Akool simulator listening on {}", simulator.baseUrl());
        return simulator;
    }

    @Bean
    @Primary
    AkoolConnection simulatorConnection(AkoolSimulator simulator, SimulatorSettings settings) {
        return new AkoolConnection(simulator.baseUrl(),
                Optional.of(new AkoolCredentials.ApiKey(settings.getApiKey(), "the embedded simulator")));
    }
}
