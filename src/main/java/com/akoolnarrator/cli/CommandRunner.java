package com.akoolnarrator.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;

import com.akoolnarrator.akool.AkoolConnection;
import com.akoolnarrator.akool.AkoolException;
import com.akoolnarrator.akool.VoicesCommand;
import com.akoolnarrator.review.ReviewCommand;
import com.akoolnarrator.review.ReviewRefused;
import com.akoolnarrator.settings.NarratorProperties;
import com.akoolnarrator.settings.OutputLocation;
import com.akoolnarrator.settings.SettingCheck.InvalidSettingException;
import com.akoolnarrator.storage.FolderHolder;
import com.akoolnarrator.webhook.WebhookProperties;
import com.akoolnarrator.webhook.WebhookReceiver;

/**
 * Runs the one command the command line asked for, with its typed options, and keeps its exit code. Each command's
 * parts are made when it runs, so that with lazy initialization (the light commands, {@link NarratorCli}) a command
 * starts only what it uses.
 */
class CommandRunner implements ApplicationRunner, ExitCodeGenerator {

    private static final Logger log = LoggerFactory.getLogger("narrator");

    private final Command command;
    private final Supplier<NarrationCommand> narration;
    private final Supplier<VoicesCommand> voices;
    private final Supplier<StatusCommand> status;
    private final Supplier<ReviewCommand> review;
    private final Supplier<AkoolConnection> akool;
    private final NarratorProperties settings;
    private final Supplier<WebhookReceiver> receiver;
    private final WebhookProperties webhook;
    private final boolean onServer;
    private volatile int exitCode = RunOutcome.JOB_FAILED;

    CommandRunner(Command command, Supplier<NarrationCommand> narration, Supplier<VoicesCommand> voices,
            Supplier<StatusCommand> status, Supplier<ReviewCommand> review, Supplier<AkoolConnection> akool,
            NarratorProperties settings, Supplier<WebhookReceiver> receiver, WebhookProperties webhook, boolean onServer) {
        this.review = review;
        this.receiver = receiver;
        this.webhook = webhook;
        this.onServer = onServer;
        this.command = command;
        this.narration = narration;
        this.voices = voices;
        this.status = status;
        this.akool = akool;
        this.settings = settings;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (command instanceof Command.Run given) {
            Command.Run run = given.over(settings);
            NarrationCommand narrating = narration.get();
            GracefulShutdown.onStop(narrating::requestStop, settings.stopTimeout());
            exitCode = narrating.run(run.input(), run.output(settings), run.dryRun(), run.lexicon()).exitCode();
        }
        else if (command instanceof Command.Voices list) {
            exitCode = listVoices(list.format());
        }
        else if (command instanceof Command.Status show) {
            exitCode = showStatus(show.outputDir(settings), show.format());
        }
        else if (command instanceof Command.ReceiveCallbacks receive) {
            exitCode = receiveCallbacks(receive.port());
        }
        else if (command instanceof Command.Review asked) {
            OutputLocation output = asked.output(settings);
            if (output.isBucket()) {
                log.error("Cannot review {}: the review page plays and keeps the takes of an output folder on disk; narrate"
                        + " into a folder to review, then copy it to the bucket", output.describe());
                exitCode = RunOutcome.USAGE;
            }
            else {
                exitCode = review(asked, output.folder());
            }
        }
    }

    /** The review page until a stop is asked for, or the decisions exported or imported. */
    private int review(Command.Review asked, Path folder) {
        Optional<FolderHolder.Holder> holder = onServer ? Optional.empty() : FolderHolder.of(folder.toAbsolutePath().normalize());
        if (holder.isPresent()) {
            log.error("Cannot review {}: a run is narrating into it ({}); review it when the run has ended",
                    folder.toAbsolutePath(), holder.get());
            return RunOutcome.USAGE;
        }
        try {
            if (asked.export() != null) {
                int rows = review.get().export(folder, asked.export(), System.out);
                log.info("Wrote the decisions of {} rows{}", rows, asked.export().equals("-") ? "" : " to " + asked.export());
                return RunOutcome.ALL_SUCCEEDED;
            }
            if (asked.importFile() != null) {
                int saved = review.get().importFile(folder, asked.importFile(), asked.reviewerOrUser());
                log.info("Saved {} from {} as {}; the next run narrates the rows marked redo again",
                        saved == 1 ? "1 decision" : saved + " decisions", asked.importFile(), asked.reviewerOrUser());
                return RunOutcome.ALL_SUCCEEDED;
            }
            CountDownLatch stopped = new CountDownLatch(1);
            GracefulShutdown.onStop(stopped::countDown, settings.stopTimeout());
            try (ReviewCommand.Serving serving = review.get().serve(folder, asked.bind(), asked.port(),
                    asked.reviewerOrUser())) {
                System.out.println(serving.url()); // the first line of standard output: a script can open it
                System.out.flush();
                log.info("Serving the review of {} at {} as {} until stopped (Ctrl-C)", folder.toAbsolutePath(),
                        serving.url(), asked.reviewerOrUser());
                stopped.await();
                log.info("Stopped the review; every decision made is saved");
                return RunOutcome.ALL_SUCCEEDED;
            }
        }
        catch (ReviewRefused e) {
            log.error("Cannot review: {}", e.getMessage());
            return RunOutcome.USAGE;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return RunOutcome.ALL_SUCCEEDED;
        }
    }

    /** Akool's callbacks into the server's job database, until a stop is asked for (SIGTERM, Ctrl-C). */
    private int receiveCallbacks(Integer port) {
        if (!onServer) {
            log.error("Cannot receive callbacks: webhook-receiver writes into a job database on a PostgreSQL server that"
                    + " the runs share; set spring.datasource.url=jdbc:postgresql://HOST:PORT/DATABASE");
            return RunOutcome.USAGE;
        }
        if (!webhook.isOn()) {
            log.error("Cannot receive callbacks: set narrator.webhook.url, the address Akool calls (the runs give it to"
                    + " Akool with narrator.webhook.receiver=standalone)");
            return RunOutcome.USAGE;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        GracefulShutdown.onStop(stopped::countDown, settings.stopTimeout());
        try (WebhookReceiver.Listening listening = port == null ? receiver.get().listen() : receiver.get().listen(port)) {
            stopped.await();
            log.info("Stopped receiving callbacks");
            return RunOutcome.ALL_SUCCEEDED;
        }
        catch (InvalidSettingException e) {
            log.error("Cannot receive callbacks: {}", e.getMessage());
            return RunOutcome.USAGE;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return RunOutcome.ALL_SUCCEEDED;
        }
    }

    private int showStatus(Path folder, Command.Status.Format format) {
        StatusCommand status = this.status.get();
        if (!Files.isDirectory(folder) && !status.knowsRunsOf(folder)) {
            log.error("Cannot show the status: there is no folder {}; give the run's --output-dir", folder.toAbsolutePath());
            return RunOutcome.USAGE;
        }
        status.print(folder, format, System.out);
        return RunOutcome.ALL_SUCCEEDED;
    }

    private int listVoices(Command.Voices.Format format) {
        if (akool.get().credentials().isEmpty()) {
            log.error("Cannot list voices: no Akool credentials (set AKOOL_API_KEY)");
            return RunOutcome.USAGE;
        }
        try {
            voices.get().print(format.name(), System.out);
            return RunOutcome.ALL_SUCCEEDED;
        }
        catch (AkoolException e) {
            log.error("Cannot list voices: {}", e.getMessage());
            return RunOutcome.JOB_FAILED;
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
