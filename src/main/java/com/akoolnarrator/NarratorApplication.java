package com.akoolnarrator;

import java.time.Clock;
import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import com.akoolnarrator.benchmark.NarrationBenchmark;
import com.akoolnarrator.cli.NarratorCommandLine;
import com.akoolnarrator.cli.GracefulShutdown;
import com.akoolnarrator.cli.RunOutcome;
import com.akoolnarrator.simulator.SimulatorMain;

/**
 * {@code java -jar akool-narrator.jar [run] [--job=demo] [--input=rows.csv] [--output-dir=out] [--dry-run]
 * [--setting=value ...]} runs the narration job and exits with its code; {@code voices}, {@code status},
 * {@code simulator} and {@code benchmark} are the other commands, {@code --help} says more.
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
        NarratorCommandLine.Parsed parsed = NarratorCommandLine.parse(args);
        if (parsed instanceof NarratorCommandLine.Printed printed) {
            System.out.print(printed.text());
            System.exit(RunOutcome.ALL_SUCCEEDED);
            return;
        }
        if (parsed instanceof NarratorCommandLine.Failed failed) {
            System.err.println("Cannot run: " + failed.message());
            System.exit(RunOutcome.USAGE);
            return;
        }
        String[] expanded = ((NarratorCommandLine.Launch) parsed).springArguments().toArray(String[]::new);
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
