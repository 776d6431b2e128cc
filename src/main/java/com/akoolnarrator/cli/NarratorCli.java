package com.akoolnarrator.cli;

import org.springframework.boot.SpringApplication;

/**
 * The command line's way into the application: parse, then print help, refuse a usage error in one line, or start the
 * application with the typed command as a bean, run it, and return its exit code.
 */
public final class NarratorCli {

    private NarratorCli() {
    }

    /** Runs the command line {@code args} in the application of {@code source}; the process's exit code. */
    public static int run(Class<?> source, String... args) {
        NarratorCommandLine.Parsed parsed = NarratorCommandLine.parse(args);
        if (parsed instanceof NarratorCommandLine.Printed printed) {
            System.out.print(printed.text());
            return RunOutcome.ALL_SUCCEEDED;
        }
        if (parsed instanceof NarratorCommandLine.Failed failed) {
            System.err.println("Cannot run: " + failed.message());
            return RunOutcome.USAGE;
        }
        NarratorCommandLine.Launch launch = (NarratorCommandLine.Launch) parsed;
        GracefulShutdown.install();
        SpringApplication application = new SpringApplication(source);
        application.setMainApplicationClass(source);
        application.setRegisterShutdownHook(false);
        application.addInitializers(context -> context.getBeanFactory().registerSingleton("command", launch.command()));
        int exitCode;
        try {
            exitCode = SpringApplication.exit(application.run(launch.springArguments().toArray(String[]::new)));
        }
        catch (RuntimeException startupFailure) {
            // OneLineFailureReporter has already said why the application could not start
            exitCode = RunOutcome.ofStartupFailure(startupFailure);
        }
        GracefulShutdown.finish(exitCode);
        return exitCode;
    }
}
