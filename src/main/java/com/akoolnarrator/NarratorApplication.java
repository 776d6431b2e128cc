package com.akoolnarrator;

import java.time.Clock;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import com.akoolnarrator.settings.NarratorProperties;

/**
 * The narration job's application: the command line ({@code cli}), the job and its steps ({@code job}), the ledger and
 * the Akool client. The simulator and the benchmark are tools beside it ({@link Launcher}); nothing here imports them.
 */
@SpringBootApplication
@EnableConfigurationProperties(NarratorProperties.class)
class NarratorApplication {

    /** The one clock of the application: tests and the ledger's timestamps read time through it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
