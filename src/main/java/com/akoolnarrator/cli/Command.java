package com.akoolnarrator.cli;

import java.nio.file.Path;

import com.akoolnarrator.settings.NarratorProperties;
import com.akoolnarrator.settings.SettingCheck;

/** What the command line asked for, typed: each kind has its own runner in {@link CommandRunner}. */
sealed interface Command permits Command.Run, Command.Voices, Command.Status, Command.ReceiveCallbacks, Command.Review {

    /**
     * {@code run} (the default): narrate, or with {@code dryRun} only check; a missing input or output folder comes
     * from the settings ({@code narrator.input}, {@code narrator.output-dir}, a job file); so does the lexicon.
     */
    record Run(Path input, Path outputDir, boolean dryRun, Path lexicon) implements Command {

        public Run {
            if (outputDir != null) {
                SettingCheck.folder("--output-dir", outputDir);
            }
        }

        /** The run with what it left out taken from the settings. */
        Run over(NarratorProperties settings) {
            return new Run(input != null ? input : settings.input(), outputDir != null ? outputDir : settings.outputDir(),
                    dryRun || settings.dryRun(), lexicon != null ? lexicon : settings.lexicon());
        }
    }

    /** {@code voices}: the account's voices, as a table or as CSV. */
    record Voices(Format format) implements Command {

        enum Format { table, csv }
    }

    /** {@code status}: what the runs into an output folder did and are doing. */
    record Status(Path outputDir, Format format) implements Command {

        enum Format { text, json }

        /** The folder it asks about, else the settings' ({@code narrator.output-dir}, a job file's). */
        Path outputDir(NarratorProperties settings) {
            return outputDir != null ? outputDir : settings.outputDir();
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
    record Review(Path outputDir, int port, String bind, String reviewer, String export, Path importFile)
            implements Command {

        public Review {
            SettingCheck.between("--port", port, 0, 65_535);
            if (export != null && importFile != null) {
                throw new IllegalArgumentException("review takes --export or --import, not both. See help review or --help.");
            }
        }

        /** The folder it reviews, else the settings' ({@code narrator.output-dir}, a job file's). */
        Path outputDir(NarratorProperties settings) {
            return outputDir != null ? outputDir : settings.outputDir();
        }

        String reviewerOrUser() {
            return reviewer != null && !reviewer.isBlank() ? reviewer.strip() : System.getProperty("user.name", "unknown");
        }
    }
}
