package com.akoolnarrator.cli;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

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
        // status and voices make only what they use: not the job, its steps, its HTTP client or the simulator
        application.setLazyInitialization(!(launch.command() instanceof Command.Run));
        application.addInitializers(context -> context.getBeanFactory().registerSingleton("command", launch.command()));
        launch.jobFile().ifPresent(jobFile -> application.addListeners(new JobFileSettings(jobFile)));
        int exitCode;
        try {
            exitCode = SpringApplication.exit(application.run(launch.springArguments().toArray(String[]::new)));
        }
        catch (RuntimeException startupFailure) {
            OneLineFailureReporter.unlessReported(startupFailure);
            exitCode = RunOutcome.ofStartupFailure(startupFailure);
        }
        GracefulShutdown.finish(exitCode);
        return exitCode;
    }

    /**
     * A job file's settings, below the command line and the environment and above the built-in defaults; added once
     * Boot has read its own files and before it sets the log levels, so that a job file can set those too.
     */
    private record JobFileSettings(JobFile jobFile) implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

        @Override
        public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
            event.getEnvironment().getPropertySources().addAfter(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                    new MapPropertySource("job file " + jobFile.path(), Map.copyOf(jobFile.settings())));
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE + 15;
        }
    }
}
