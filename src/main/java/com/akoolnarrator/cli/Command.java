package com.akoolnarrator.cli;

import java.nio.file.Path;

import com.akoolnarrator.settings.NarratorProperties;
import com.akoolnarrator.settings.OutputLocation;
import com.akoolnarrator.settings.SettingCheck;

/** What the command line asked for, typed: each kind has its own runner in {@link CommandRunner}. */
sealed interface Command permits Command.Run, Command.Voices, Command.Status, Command.ReceiveCallbacks, Command.Review {

    /**
     * {@code run} (the default): narrate, or with {@code dryRun} only check; a missing input or output folder comes
     * from the settings ({@code narrator.input}, {@code narrator.output-dir}, a job file); so does the lexicon.
     */
    record Run(Path input, String outputDir, boolean dryRun, Path lexicon) implements Command {

        public Run {
            if (outputDir != null) {
                OutputLocation.of("--output-dir", outputDir, null);
            }
        }

        /** The run with what it left out taken from the settings. */
        Run over(NarratorProperties settings) {
            return new Run(input != null ? input : settings.input(), outputDir != null ? outputDir : settings.outputDir(),
                    dryRun || settings.dryRun(), lexicon != null ? lexicon : settings.lexicon());
        }

        /** Where it narrates into ({@link #over} first). */
        OutputLocation output(NarratorProperties settings) {
            return OutputLocation.of("--output-dir", outputDir, settings.stateDir());
        }
    }

    /** {@code voices}: the account's voices, as a table or as CSV. */
    record Voices(Format format) implements Command {

        enum Format { table, csv }
    }

    /** {@code status}: what the runs into an output folder did and are doing. */
    record Status(String outputDir, Format format) implements Command {

        enum Format { text, json }

        /** The folder it asks about (a bucket's state folder), else the settings' ({@code narrator.output-dir}, a job file's). */
        Path outputDir(NarratorProperties settings) {
            return outputDir != null ? OutputLocation.of("--output-dir", outputDir, settings.stateDir()).folder()
                    : settings.output().folder();
        }
    }

    /** {@code webhook-receiver}: Akool's callbacks into the job database until stopped; {@code port} null: the settings'. */
    record ReceiveCallbacks(Integer port) implements Command {

        public ReceiveCallbacks {
            if (port != null) {
                SettingCheck.between("--port", port, 1, 65_535);
            }
        }
    }

    /**
     * {@code review}: a person's decisions on the files of a folder's last run: on a page served on {@code bind}:{@code
     * port} until stopped, or exported to {@code export} ("-": standard output), or imported from {@code importFile}.
     * {@code reviewer} null: the operating system's user name.
     */
    record Review(String outputDir, int port, String bind, String reviewer, String export, Path importFile)
            implements Command {

        public Review {
            SettingCheck.between("--port", port, 0, 65_535);
            if (export != null && importFile != null) {
                throw new IllegalArgumentException("review takes --export or --import, not both. See help review or --help.");
            }
        }

        /** Where it reviews, else the settings' ({@code narrator.output-dir}, a job file's). */
        OutputLocation output(NarratorProperties settings) {
            return outputDir != null ? OutputLocation.of("--output-dir", outputDir, settings.stateDir()) : settings.output();
        }

        String reviewerOrUser() {
            return reviewer != null && !reviewer.isBlank() ? reviewer.strip() : System.getProperty("user.name", "unknown");
        }
    }
}
