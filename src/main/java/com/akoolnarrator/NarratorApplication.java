package com.akoolnarrator;

import java.time.Clock;
import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import com.akoolnarrator.benchmark.NarrationBenchmark;
import com.akoolnarrator.cli.CommandLineArguments;
import com.akoolnarrator.cli.GracefulShutdown;
import com.akoolnarrator.cli.RunOutcome;
import com.akoolnarrator.simulator.SimulatorMain;

/**
 * {@code java -jar akool-narrator.jar [--job=demo] [--input=rows.csv] [--output-dir=out] [--dry-run] [--setting=value ...]}
 * runs the narration job and exits with its code; {@code voices [--format=csv]} lists the account's voices;
 * {@code simulator --port=8089} runs the Akool simulator on its own; {@code benchmark --rows=1000 ...} measures the job.
 */
@SpringBootApplication
@EnableConfigurationProperties(NarratorProperties.class)
public class NarratorApplication {

    /** The one clock of the application: tests and the ledger's timestamps read time through it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("simulator")) {
            SimulatorMain.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("benchmark")) {
            NarrationBenchmark.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        String[] expanded;
        try {
            expanded = CommandLineArguments.expand(args);
            if (args.length > 0 && args[0].equals("voices")) {
                // listing voices needs no job database: keep it in memory rather than create an output folder
                expanded = CommandLineArguments.withDefaults(Arrays.copyOfRange(expanded, 1, expanded.length),
                        "--narrator.command=voices", "--spring.datasource.url=jdbc:h2:mem:voices");
            }
        }
        catch (IllegalArgumentException e) {
            System.err.println("Cannot run: " + e.getMessage());
            System.exit(2);
            return;
        }
        GracefulShutdown.install();
        SpringApplication application = new SpringApplication(NarratorApplication.class);
        application.setRegisterShutdownHook(false);
        int exitCode;
        try {
            exitCode = SpringApplication.exit(application.run(expanded));
        }
        catch (RuntimeException startupFailure) {
            // OneLineFailureReporter has already said why the application could not start
            exitCode = RunOutcome.ofStartupFailure(startupFailure);
        }
        GracefulShutdown.finish(exitCode);
        System.exit(exitCode);
    }
}
