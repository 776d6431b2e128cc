package com.akoolnarrator.job;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;

import com.akoolnarrator.GracefulShutdown;
import com.akoolnarrator.NarratorProperties;

/** The command line: run the job once with the configured input and output folder, and exit with its code. */
public class NarrationRunner implements ApplicationRunner, ExitCodeGenerator {

    private final NarrationCommand command;
    private final NarratorProperties settings;
    private volatile int exitCode = RunOutcome.JOB_FAILED;

    public NarrationRunner(NarrationCommand command, NarratorProperties settings) {
        this.command = command;
        this.settings = settings;
    }

    @Override
    public void run(ApplicationArguments args) {
        GracefulShutdown.onStop(command::requestStop);
        exitCode = command.run(settings.input(), settings.outputDir()).exitCode();
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
