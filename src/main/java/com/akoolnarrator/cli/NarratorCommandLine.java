package com.akoolnarrator.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import com.akoolnarrator.cli.CommandOptions.Common;
import com.akoolnarrator.cli.CommandOptions.Narrate;
import com.akoolnarrator.cli.CommandOptions.Typed;
import com.akoolnarrator.input.EditDistance;

import picocli.CommandLine;
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
}
