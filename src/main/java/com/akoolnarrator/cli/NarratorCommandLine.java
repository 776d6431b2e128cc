package com.akoolnarrator.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

import com.akoolnarrator.input.EditDistance;

import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The command line, parsed before anything starts: usage and version help, the commands, and one line with the nearest
 * valid option or setting for a typo, without creating anything. What it parses becomes a typed {@link Command}; a
 * setting written {@code --group.name=value} ({@code --akool.requests-per-second=5}) and a job file
 * ({@code --job=NAME}: {@code jobs/NAME.properties}) go to Spring Boot, with the environment, once their
 * {@code narrator.*} and {@code akool.*} names are known ones ({@link SettingNames}).
 */
final class NarratorCommandLine {

    /** A Spring Boot setting: a dotted name and a value. */
    private static final Pattern SETTING = Pattern.compile("--[a-zA-Z][\\w-]*\\.[\\w.\\[\\]-]+=.*");

    /** What the command line asks for. */
    public sealed interface Parsed permits Printed, Failed, Launch {
    }

    /** Help or version: printed, nothing else to do. */
    public record Printed(String text) implements Parsed {
    }

    /** A usage error, in one line. */
    public record Failed(String message) implements Parsed {
    }

    /**
     * Run {@code command} in the application started with these Spring Boot arguments and the settings of a job file,
     * if one was given.
     */
    public record Launch(Command command, List<String> springArguments, Optional<JobFile> jobFile) implements Parsed {
    }

    private NarratorCommandLine() {
    }

    public static Parsed parse(String... args) {
        List<String> settings = new ArrayList<>();
        List<String> options = new ArrayList<>();
        for (String arg : args) {
            (SETTING.matcher(arg).matches() ? settings : options).add(arg);
        }
        Narrate narrate = new Narrate();
        CommandLine line = new CommandLine(narrate);
        line.setCaseInsensitiveEnumValuesAllowed(true);
        try {
            CommandLine.ParseResult result = line.parseArgs(options.toArray(String[]::new));
            CommandLine.ParseResult leaf = result;
            while (leaf.subcommand() != null) {
                leaf = leaf.subcommand();
            }
            if (leaf.isVersionHelpRequested()) {
                return new Printed(String.join(System.lineSeparator(), leaf.commandSpec().version())
                        + System.lineSeparator());
            }
            if (leaf.isUsageHelpRequested()) {
                return new Printed(usage(leaf.commandSpec().commandLine()));
            }
            if (leaf.commandSpec().userObject() instanceof CommandLine.HelpCommand) {
                int help = options.indexOf("help");
                String topic = help >= 0 && help + 1 < options.size() ? options.get(help + 1) : null;
                CommandLine target = topic == null ? line : line.getSubcommands().get(topic);
                return target == null ? new Failed("there is no command '" + topic + "'; the commands are "
                        + String.join(", ", line.getSubcommands().keySet()) + ". See --help.") : new Printed(usage(target));
            }
            Object chosen = leaf.commandSpec().userObject();
            if (!(chosen instanceof Typed typed)) {
                return new Failed(leaf.commandSpec().name() + " must be the first argument. See --help.");
            }
            Common common = typed.common();
            SettingNames.checkArguments(settings);
            Optional<JobFile> jobFile = Optional.ofNullable(common.job).map(job -> JobFile.read(resolve(job)));
            jobFile.ifPresent(SettingNames::checkJobFile);
            List<String> spring = new ArrayList<>(common.spring());
            spring.addAll(settings);
            return new Launch(typed.call(), spring, jobFile);
        }
        catch (ParameterException e) {
            return new Failed(oneLine(e));
        }
        catch (IllegalArgumentException e) {
            return new Failed(e.getMessage());
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String usage(CommandLine command) {
        return command.getUsageMessage(CommandLine.Help.Ansi.OFF);
    }

    /** picocli's message and its nearest valid option or command, with where to read more. */
    private static String oneLine(ParameterException e) {
        StringBuilder message = new StringBuilder(e.getMessage().replace(System.lineSeparator(), " ").strip());
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            String typed = unmatched.getUnmatched().get(0).replaceFirst("=.*", "");
            CommandLine.Model.CommandSpec spec = e.getCommandLine().getCommandSpec();
            List<String> known = new ArrayList<>(typed.startsWith("-") ? spec.optionsMap().keySet()
                    : spec.subcommands().keySet());
            known.stream().filter(name -> name.startsWith("--") || !typed.startsWith("--"))
                .min(java.util.Comparator.comparingInt(name -> EditDistance.between(typed, name)))
                .filter(nearest -> EditDistance.between(typed, nearest) <= Math.max(2, typed.length() / 3))
                .ifPresent(nearest -> message.append("; did you mean ").append(nearest).append('?'));
        }
        String command = e.getCommandLine().getCommandName();
        return message.append(" See ").append(command.equals("akool-narrator") ? "" : "help " + command + " or ")
            .append("--help.").toString();
    }

    /** {@code jobs/NAME.properties} (or {@code jobs/NAME/NAME.properties}, or any path to a properties file). */
    static Path resolve(String job) {
        Path path = Path.of(job);
        if (!job.endsWith(".properties") && path.getNameCount() == 1) {
            Path inFolder = Path.of("jobs", job, job + ".properties");
            path = Files.isRegularFile(inFolder) ? inFolder : Path.of("jobs", job + ".properties");
        }
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("job file not found: " + path.toAbsolutePath()
                    + " (the ready-made ones are in jobs/: demo, production, nightly)");
        }
        return path.toAbsolutePath();
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

        @Option(names = "--output-dir", paramLabel = "DIR", description = "where MP3s, results.csv and the job's state go"
                + " (default: out)")
        Path outputDir;

        @Option(names = "--dry-run", description = "validate and estimate the cost; submit nothing")
        boolean dryRun;

        @Option(names = "--lexicon", paramLabel = "CSV", description = "terms and how to say them (columns term, say),"
                + " substituted in every text before it is sent")
        Path lexicon;
    }

    @picocli.CommandLine.Command(name = "akool-narrator", mixinStandardHelpOptions = true, versionProvider = Version.class,
            subcommands = { Run.class, Voices.class, Status.class, WebhookReceiver.class, External.Simulator.class,
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
        Path outputDir;

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
            String version = NarratorCommandLine.class.getPackage().getImplementationVersion();
            return new String[] { "akool-narrator " + (version == null ? "(development build)" : version),
                "speaks Akool OpenAPI v3: audio/create, audio/clone, audio/infobymodelid, voice/list, faceswap/quota/info" };
        }
    }
}
