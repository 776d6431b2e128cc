package com.akoolnarrator.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line's short forms: {@code --input=} and {@code --output-dir=} stand for {@code --narrator.input=} and
 * {@code --narrator.output-dir=}; {@code --job=NAME} uses a ready-made job configuration, {@code jobs/NAME.properties}
 * (or any path to a properties file), whose settings sit below the command line and the environment and above the
 * built-in defaults. Every other {@code --setting=value} is passed to Spring Boot as it is.
 */
public final class CommandLineArguments {

    private CommandLineArguments() {
    }

    public static String[] expand(String[] args) {
        List<String> expanded = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--job=")) {
                expanded.add("--spring.config.import=file:" + resolve(arg.substring("--job=".length())));
            }
            else if (arg.startsWith("--input=") || arg.startsWith("--output-dir=")) {
                expanded.add("--narrator." + arg.substring(2));
            }
            else if (arg.equals("--dry-run")) {
                expanded.add("--narrator.dry-run=true");
            }
            else if (arg.startsWith("--format=")) {
                expanded.add("--narrator.format=" + arg.substring("--format=".length()));
            }
            else {
                expanded.add(arg);
            }
        }
        return expanded.toArray(String[]::new);
    }

    /** The arguments, with these added in front (so that the user's own still win where they repeat one). */
    public static String[] withDefaults(String[] args, String... defaults) {
        List<String> all = new ArrayList<>(List.of(defaults));
        all.addAll(List.of(args));
        return all.toArray(String[]::new);
    }

    public static Path resolve(String job) {
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
