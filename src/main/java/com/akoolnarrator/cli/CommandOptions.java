package com.akoolnarrator.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The commands and options picocli parses, each command giving the typed {@link Command} it asks for. */
final class CommandOptions {

    private CommandOptions() {
    }

    /** Options every command shares: a job file, and the framework's own log lines. */
    static class Common {

        @Option(names = "--job", paramLabel = "NAME", description = "a job file: jobs/NAME.properties, or a path")
        String job;

        @Option(names = "--verbose", description = "also print the framework's start-up and shutdown lines")
        boolean verbose;

        List<String> spring() {
            List<String> args = new ArrayList<>();
            if (verbose) {
                args.addAll(List.of("--logging.level.root=INFO", "--spring.main.log-startup-info=true",
                        "--logging.level.org.springframework.boot.SpringApplication=INFO"));
            }
            return args;
        }
    }

    /** The options of a narration run. */
    static class RunOptions {

        @Option(names = "--input", paramLabel = "CSV", description = "the input CSV (id, text, voice_id or voice_url...)")
        Path input;

        @Option(names = "--output-dir", paramLabel = "DIR", description = "where MP3s, results.csv and the job's state go:"
                + " a folder or s3://BUCKET/PREFIX (default: out)")
        String outputDir;

        @Option(names = "--dry-run", description = "validate and estimate the cost; submit nothing")
        boolean dryRun;

        @Option(names = "--lexicon", paramLabel = "CSV", description = "terms and how to say them (columns term, say),"
                + " substituted in every text before it is sent")
        Path lexicon;
    }

    @picocli.CommandLine.Command(name = "akool-narrator", mixinStandardHelpOptions = true, versionProvider = Version.class,
            subcommands = { Run.class, Voices.class, Status.class, Review.class, WebhookReceiver.class, External.Simulator.class,
                External.Benchmark.class, CommandLine.HelpCommand.class },
            description = "Narrates the rows of a CSV file into MP3 files with Akool's text-to-speech. Without a"
                    + " command it runs 'run'.",
            footer = { "", "Any setting of docs/settings.md can be added as --name=value (for example"
                    + " --akool.requests-per-second=5), or come from a job file or the environment (AKOOL_API_KEY).",
                "", "Exit codes: 0 every row succeeded; 3 the job finished but some rows failed or are invalid"
                    + " (see failed.csv); 1 the job failed or was stopped (run the same command again to continue);"
                    + " 2 usage or configuration error, nothing was sent.", "", "More: README.md, and 'help COMMAND'." })
    static class Narrate extends Narration {
    }

    @picocli.CommandLine.Command(name = "run", mixinStandardHelpOptions = true, description = "Narrate the input (the default command).")
    static class Run extends Narration {
    }

    /** A command of the application: its shared options, and what it asks for. */
    interface Typed extends Callable<Command> {

        Common common();

        @Override
        Command call();
    }

    /** What the top level and {@code run} share: both narrate. */
    abstract static class Narration implements Typed {

        @Mixin
        Common common;

        @Mixin
        RunOptions run;

        @Override
        public Common common() {
            return common;
        }

        @Override
        public Command call() {
            return new Command.Run(run.input, run.outputDir, run.dryRun, run.lexicon);
        }
    }

    @picocli.CommandLine.Command(name = "voices", mixinStandardHelpOptions = true, description = "List the account's voices, for voice_id.")
    static class Voices implements Typed {

        @Mixin
        Common common;

        @Option(names = "--format", defaultValue = "table", description = "table or csv (default: ${DEFAULT-VALUE})")
        Command.Voices.Format format;

        @Override
        public Common common() {
            return common;
        }

        @Override
        public Command call() {
            return new Command.Voices(format);
        }
    }

    @picocli.CommandLine.Command(name = "status", mixinStandardHelpOptions = true,
            description = "Say what the runs into an output folder did and are doing, without running anything.")
    static class Status implements Typed {

        @Mixin
        Common common;

        @Option(names = "--output-dir", paramLabel = "DIR", description = "the run's output folder (default: out)")
        String outputDir;

        @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
        Command.Status.Format format;

        @Override
        public Common common() {
            return common;
        }

        @Override
        public Command call() {
            return new Command.Status(outputDir, format);
        }
    }

    @picocli.CommandLine.Command(name = "review", mixinStandardHelpOptions = true,
            description = "Listen to the last run's files and decide: approve, or redo (the next run narrates the row"
                    + " again, keeping the old take as <stem>.take<N>.mp3). Serves a page until stopped, or exports or"
                    + " imports the decisions as CSV.")
    static class Review implements Typed {

        @Mixin
        Common common;

        @Option(names = "--output-dir", paramLabel = "DIR", description = "the run's output folder (default: out)")
        String outputDir;

        @Option(names = "--port", paramLabel = "PORT", defaultValue = "8077",
                description = "where the page listens (default: ${DEFAULT-VALUE}; 0: a free port)")
        int port;

        @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1", description = "the address the page"
                + " listens on (default: ${DEFAULT-VALUE}); any other needs the token printed in the page's address")
        String bind;

        @Option(names = "--reviewer", paramLabel = "NAME", description = "who decides (default: the system's user name)")
        String reviewer;

        @Option(names = "--export", paramLabel = "FILE", description = "write every row's decision as CSV (- for"
                + " standard output) instead of serving the page")
        String export;

        @Option(names = "--import", paramLabel = "FILE", description = "read decisions from a CSV (id, decision, reason):"
                + " all of them, or none when a line is wrong")
        Path importFile;

        @Override
        public Common common() {
            return common;
        }

        @Override
        public Command call() {
            return new Command.Review(outputDir, port, bind, reviewer, export, importFile);
        }
    }

    @picocli.CommandLine.Command(name = "webhook-receiver", mixinStandardHelpOptions = true,
            description = "Receive Akool's callbacks into the job database (PostgreSQL) until stopped, for runs with"
                    + " narrator.webhook.receiver=standalone.")
    static class WebhookReceiver implements Typed {

        @Mixin
        Common common;

        @Option(names = "--port", paramLabel = "PORT", description = "where to listen (default: narrator.webhook.port,"
                + " else the port of narrator.webhook.url)")
        Integer port;

        @Override
        public Common common() {
            return common;
        }

        @Override
        public Command call() {
            return new Command.ReceiveCallbacks(port);
        }
    }

    /** Commands with parsers of their own, listed here for the usage. */
    static final class External {

        private External() {
        }

        @picocli.CommandLine.Command(name = "simulator",
                description = "Run the Akool simulator on its own: --port=8089 --api-key=KEY ...")
        static class Simulator implements Runnable {
            @Override
            public void run() {
                throw new IllegalArgumentException("simulator must be the first argument");
            }
        }

        @picocli.CommandLine.Command(name = "benchmark", description = "Measure the job against the simulator: --rows=1000 ...")
        static class Benchmark implements Runnable {
            @Override
            public void run() {
                throw new IllegalArgumentException("benchmark must be the first argument");
            }
        }
    }

    /** The version in the jar's manifest, and the Akool API this version speaks. */
    static class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = CommandOptions.class.getPackage().getImplementationVersion();
            return new String[] { "akool-narrator " + (version == null ? "(development build)" : version),
                "speaks Akool OpenAPI v3: audio/create, audio/clone, audio/infobymodelid, voice/list, faceswap/quota/info" };
        }
    }
}
