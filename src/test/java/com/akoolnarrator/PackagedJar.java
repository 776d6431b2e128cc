package com.akoolnarrator;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The packaged jar's command line, one for every test that starts it: {@code java -jar target/akool-narrator.jar} with
 * the JIT's first tier only, as {@code ./akool-narrator} runs every command on a machine of one or two processors
 * (where the second tier's compiler threads take the processor from the job, and from the test beside it).
 */
final class PackagedJar {

    static final Path JAR = Path.of("target", "akool-narrator.jar").toAbsolutePath();

    private PackagedJar() {
    }

    /** The command that runs the jar with these arguments. */
    static List<String> command(List<String> arguments) {
        List<String> command = new ArrayList<>(List.of(java(), "-XX:TieredStopAtLevel=1", "-jar", JAR.toString()));
        command.addAll(arguments);
        return command;
    }

    /** The test's own java, which the packaged jar runs on. */
    static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    static List<String> command(String... arguments) {
        return command(List.of(arguments));
    }
}
