package com.akoolnarrator.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;

import com.akoolnarrator.akool.AkoolConnection;
import com.akoolnarrator.audio.AudioInspector;
import com.akoolnarrator.bucket.BucketException;
import com.akoolnarrator.bucket.Buckets;
import com.akoolnarrator.database.FolderLock;
import com.akoolnarrator.input.InputFile;
import com.akoolnarrator.input.InputFileException;
import com.akoolnarrator.input.InputSnapshot;
import com.akoolnarrator.input.LexiconFile;
import com.akoolnarrator.job.NarrationLauncher;
import com.akoolnarrator.job.RunFacts;
import com.akoolnarrator.job.RunInput;
import com.akoolnarrator.ledger.SpendingGate;
import com.akoolnarrator.lexicon.Lexicon;
import com.akoolnarrator.lexicon.LexiconException;
import com.akoolnarrator.report.ReportFiles;
import com.akoolnarrator.settings.OutputLocation;
import com.akoolnarrator.settings.SettingCheck.InvalidSettingException;
import com.akoolnarrator.storage.FolderHolder;
import com.akoolnarrator.storage.FolderIdentity;
import com.akoolnarrator.storage.OutputFolder;
import com.akoolnarrator.storage.OutputFolderException;

/**
 * Runs the narration job for one input and output folder, the way a scheduler needs it: checks what can be checked
 * before spending anything, launches (or continues) the run, and turns the outcome into an exit code and a few plain
 * lines.
 */
public class NarrationCommand {

    private static final Logger log = LoggerFactory.getLogger("narrator");

    private final NarrationLauncher launcher;
    private final RunSummary summary;
    private final AkoolConnection akool;
    private final RunProgress progress;
    private final Clock clock;
    private final FolderLock folderLock;
    private final AudioInspector audioInspector;
    private final Buckets buckets;

    NarrationCommand(NarrationLauncher launcher, RunSummary summary, AkoolConnection akool, RunProgress progress,
            Clock clock, FolderLock folderLock, AudioInspector audioInspector, Buckets buckets) {
        this.buckets = buckets;
        this.audioInspector = audioInspector;
        this.launcher = launcher;
        this.summary = summary;
        this.akool = akool;
        this.progress = progress;
        this.clock = clock;
        this.folderLock = folderLock;
    }

    public RunOutcome run(Path input, Path outputDir) {
        return run(input, outputDir, false);
    }

    /**
     * Narrates {@code input} into {@code outputDir}; with {@code dryRun}, only validates it and says what a run would
     * submit and cost, without a single create or clone call.
     */
    public RunOutcome run(Path input, Path outputDir, boolean dryRun) {
        return run(input, outputDir, dryRun, null);
    }

    /** The same, with the texts rewritten by a lexicon file first ({@code --lexicon}) when {@code lexiconFile} is given. */
    public RunOutcome run(Path input, Path outputDir, boolean dryRun, Path lexiconFile) {
        return run(input, new OutputLocation(outputDir, null), dryRun, lexiconFile);
    }

    /**
     * The same into a folder or a bucket: a bucket is checked before anything is asked of Akool (it exists, it can be
     * listed and written), and the run's reports are stored in it at the end.
     */
    public RunOutcome run(Path input, OutputLocation output, boolean dryRun, Path lexiconFile) {
        if (input == null) {
            return report(RunOutcome.usage("no input: give --input=FILE.csv (or narrator.input in a job file)"));
        }
        try {
            InputSnapshot.requireReadable(input);
        }
        catch (InputFileException e) {
            return report(RunOutcome.usage(e.getMessage()));
        }
        Lexicon lexicon;
        try {
            lexicon = lexiconFile == null ? Lexicon.NONE : LexiconFile.read(lexiconFile);
        }
        catch (LexiconException e) {
            return report(RunOutcome.usage(e.getMessage()));
        }
        if (akool.credentials().isEmpty()) {
            return report(RunOutcome.usage("no Akool credentials: set the environment variable AKOOL_API_KEY (or pass"
                    + " --akool.api-key=..., or set akool.client-id and akool.client-secret in a job file)"));
        }
        Path folder = output.folder();
        if (output.isBucket()) {
            try {
                FolderIdentity.adopt(folder, buckets.establish(output.bucket(),
                        FolderIdentity.of(folder).orElseGet(() -> UUID.randomUUID().toString())));
            }
            catch (BucketException | OutputFolderException e) {
                return report(RunOutcome.usage(e.getMessage()));
            }
        }
        JobExecution execution;
        summary.begin();
        try (FolderLock.Held held = folderLock.acquire(launcher.scopeOf(folder), folder);
                InputSnapshot snapshot = InputSnapshot.take(input, new OutputFolder(folder).stateFolder())) {
            FolderHolder.claim(folder, clock);
            InputFile inputFile = snapshot.inspect();
            RunInput what = new RunInput(inputFile, snapshot.sha256(), lexiconFile, lexicon.sha256());
            execution = dryRun ? launcher.check(what, output) : launcher.narrate(what, output);
        }
        catch (FolderLock.BusyException e) {
            return report(RunOutcome.failed(e.getMessage()));
        }
        catch (InputFileException | InvalidSettingException e) {
            return report(RunOutcome.usage(e.getMessage()));
        }
        catch (Exception e) {
            Optional<String> lost = launcher.ledgerLost();
            if (lost.isEmpty()) {
                log.error("The job could not be started", e);
            }
            return report(RunOutcome.failed(lost.orElse("the job could not be started: " + e.getMessage())));
        }
        finally {
            FolderHolder.release(folder);
        }
        Optional<String> lost = launcher.ledgerLost();
        if (lost.isPresent()) {
            return report(RunOutcome.failed(lost.get()));
        }
        if (dryRun) {
            return report(summary.dryRun(execution, lexicon));
        }
        try {
            return report(stored(summarised(execution, output), output));
        }
        catch (RuntimeException e) {
            Optional<String> outage = SpendingGate.outage(e);
            if (outage.isEmpty()) {
                throw e;
            }
            return report(RunOutcome.failed(outage.get() + ": the run could not be summed up; run the same command again"
                    + " once it is back: what Akool accepted is in the ledger, and nothing is paid twice"));
        }
    }

    private RunOutcome summarised(JobExecution execution, OutputLocation output) {
        RunFacts facts = RunFacts.of(execution);
        log.info("Run took {} s: {} status calls for {} Akool jobs followed{}; peak heap {} MB (sampled each progress"
                + " interval; max {} MB)", String.format(Locale.ROOT, "%.1f", RunSummary.seconds(execution)),
                facts.statusCalls(), facts.jobsFollowed(), facts.callbacks() == 0 ? ""
                        : ", " + facts.callbacks() + " of them called back", progress.peakHeapMegabytes(),
                Runtime.getRuntime().maxMemory() / (1024 * 1024));
        if (audioInspector.isOn()) {
            log.info("Audio check: {}", audioInspector.tally());
        }
        return summary.run(execution, output);
    }

    /** The run's reports into the output's bucket, beside its files; an outcome that says so when they cannot be. */
    private RunOutcome stored(RunOutcome outcome, OutputLocation output) {
        if (!output.isBucket()) {
            return outcome;
        }
        try {
            buckets.storeReports(output.bucket(), output.folder(), List.of(ReportFiles.RESULTS, ReportFiles.FAILED,
                    ReportFiles.REPORT, RunSummaryFile.NAME));
            return outcome;
        }
        catch (BucketException e) {
            return RunOutcome.failed(e.getMessage() + "; the reports are in " + output.folder()
                    + ", and the next run stores them");
        }
    }

    /** Stops the running execution at its next chunk boundary; the collect step stops waiting for Akool at once. */
    public void requestStop() {
        launcher.requestStop();
    }

    private static RunOutcome report(RunOutcome outcome) {
        switch (outcome.exitCode()) {
            case RunOutcome.ALL_SUCCEEDED -> log.info("Done: {}", outcome.message());
            case RunOutcome.SOME_ROWS_FAILED -> log.warn("Done with problems: {}", outcome.message());
            case RunOutcome.USAGE -> log.error("Cannot run: {}", outcome.message());
            default -> log.error("Stopped: {}", outcome.message());
        }
        return outcome;
    }
}
