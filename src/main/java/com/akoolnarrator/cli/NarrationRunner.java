package com.akoolnarrator.cli;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;

import com.akoolnarrator.NarratorProperties;
import com.akoolnarrator.akool.AkoolException;
import com.akoolnarrator.akool.VoicesCommand;
import org.slf4j.LoggerFactory;

/** The command line: run the job once with the configured input and output folder, and exit with its code. */
public class NarrationRunner implements ApplicationRunner, ExitCodeGenerator {

    private final NarrationCommand command;
    private final NarratorProperties settings;
    private volatile int exitCode = RunOutcome.JOB_FAILED;

    private final VoicesCommand voices;
    private final StatusCommand status;
    private final boolean hasCredentials;

    public NarrationRunner(NarrationCommand command, VoicesCommand voices, StatusCommand status, boolean hasCredentials,
            NarratorProperties settings) {
        this.command = command;
        this.voices = voices;
        this.status = status;
        this.hasCredentials = hasCredentials;
        this.settings = settings;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (settings.command().equals("voices")) {
            exitCode = listVoices();
            return;
        }
        if (settings.command().equals("status")) {
            status.print(settings.outputDir(), settings.format(), System.out);
            exitCode = RunOutcome.ALL_SUCCEEDED;
            return;
        }
        GracefulShutdown.onStop(command::requestStop);
        exitCode = command.run(settings.input(), settings.outputDir(), settings.dryRun()).exitCode();
    }

    private int listVoices() {
        if (!hasCredentials) {
            LoggerFactory.getLogger("narrator").error("Cannot list voices: no Akool credentials (set AKOOL_API_KEY)");
            return RunOutcome.USAGE;
        }
        try {
            voices.print(settings.format(), System.out);
            return RunOutcome.ALL_SUCCEEDED;
        }
        catch (AkoolException e) {
            LoggerFactory.getLogger("narrator").error("Cannot list voices: {}", e.getMessage());
            return RunOutcome.JOB_FAILED;
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
