package com.akoolnarrator.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import com.akoolnarrator.simulator.AkoolSimulator;
import com.akoolnarrator.simulator.SimulatorSettings;

import tools.jackson.databind.JsonNode;

/**
 * {@code java -jar target/akool-narrator.jar benchmark --rows=1000 --latency=50ms --processing-base=1s
 * --processing-per-char=2ms --requests-per-second=20}: starts the simulator with those settings (the rate is the
 * simulated account's limit, which the job is not told: it runs with its default settings, or with the
 * {@code --akool.*} and {@code --narrator.*} settings given), generates the rows, runs the packaged job against it in
 * its own JVM (as a user would, with {@code --heap}), and prints wall time, rows per second, API calls per row by kind,
 * the share of requests answered "too frequent", how soon the job reached 90 % of the limit, the lower bound those
 * settings allow and the ratio to it, what the audio check decoded and the processor time it took, and peak heap. {@code --runs=N} runs the job N times into the same output folder
 * (its job database kept), each on new rows.
 * Then it runs the naive one-row-at-a-time loop (submit, poll every 1.5 s, download, next) on {@code --baseline-rows}
 * rows of the same kind and extrapolates it, so that the speed-up comes from the same run. Any other
 * {@code --setting=value} of the simulator (fault rates...) is passed to it.
 */
public final class NarrationBenchmark {

    /** 32 bytes: Akool's webhook encryption is keyed by the API key. */
    private static final String KEY = "benchmark-key-0123456789abcdefgh";
    private static final Pattern RUN_TOOK = Pattern.compile("Run took ([0-9.]+) s");
    private static final Pattern PEAK_HEAP = Pattern.compile("peak heap (\\d+) MB");
    private static final Pattern AUDIO_CHECK = Pattern.compile("Audio check: ([^\\r\\n]*)");
    private static final Pattern BUDGET = Pattern.compile("(request budget: [^.;]*(?:\\.[0-9][^.;]*)*)");

    private NarrationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                // a tool's usage mistake is one line, as the job's are; the options are in docs/benchmarks.md
                System.err.println("benchmark: expected --name=value, got '" + arg
                        + "'; the options are in docs/benchmarks.md (for example --rows=1000 --requests-per-second=20)");
                System.exit(2);
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        int rows = Integer.parseInt(value(args, "rows", "1000"));
        int minChars = Integer.parseInt(value(args, "min-chars", "200"));
        int maxChars = Integer.parseInt(value(args, "max-chars", "800"));
        int baselineRows = Integer.parseInt(value(args, "baseline-rows", "10"));
        String heap = value(args, "heap", "512m");
        String jar = value(args, "jar", runningJar());
        double rate = Double.parseDouble(value(args, "requests-per-second", "20"));
        int runs = Integer.parseInt(value(args, "runs", "1"));
        boolean webhooks = Boolean.parseBoolean(value(args, "webhooks", "false"));
        List<String> jobArgs = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--narrator.") || arg.startsWith("--akool.") || arg.startsWith("--spring.")
                    || arg.startsWith("--logging.")) {
                jobArgs.add(arg);
            }
        }
        options.keySet().removeIf(k -> List.of("rows", "min-chars", "max-chars", "baseline-rows", "heap", "jar", "runs",
                "webhooks", "output-dir").contains(k)
                || k.startsWith("narrator.") || k.startsWith("akool.") || k.startsWith("spring.") || k.startsWith("logging."));

        SimulatorSettings settings = new SimulatorSettings();
        settings.setApiKey(KEY);
        settings.setLatency(Duration.ofMillis(50));
        settings.setProcessingBase(Duration.ofSeconds(1));
        settings.setProcessingPerChar(Duration.ofMillis(2));
        settings.setRequestsPerSecond(rate);
        settings.setThreads(128);
        Map<String, String> simulatorOptions = new LinkedHashMap<>();
        options.forEach((k, v) -> simulatorOptions.put("simulator." + k, v));
        new Binder(new MapConfigurationPropertySource(simulatorOptions)).bind("simulator", Bindable.ofInstance(settings));

        Path work = Files.createTempDirectory("narrator-benchmark");
        // a bucket (s3://..., with the AWS variables of this process) or, by default, a folder of the benchmark's
        String outputDir = value(args, "output-dir", work.resolve("out").toString());
        Path onDisk = outputDir.startsWith("s3://") ? work.resolve("state") : Path.of(outputDir);
        jobArgs.add(0, "--output-dir=" + outputDir);
        if (outputDir.startsWith("s3://")) {
            jobArgs.add("--narrator.state-dir=" + onDisk);
        }
        if (webhooks) {
            // the job listens on loopback; Akool (the simulator) calls it back there
            jobArgs.add("--narrator.webhook.url=http://127.0.0.1:" + freePort() + "/akool/callback");
            jobArgs.add("--akool.client-id=" + settings.getClientId());
        }

        try (AkoolSimulator simulator = new AkoolSimulator(settings).start();
                CloseableHttpClient http = HttpClients.custom().disableAutomaticRetries().build()) {
            System.out.printf(Locale.ROOT, "akool-narrator benchmark: %d rows of %d-%d characters; simulator latency %s,"
                    + " processing %s + %s/char, limit %s requests/s%s; job settings %s%n", rows, minChars, maxChars,
                    settings.getLatency(), settings.getProcessingBase(), settings.getProcessingPerChar(),
                    rate > 0 ? fmt(rate) : "none", options.isEmpty() ? "" : ", " + options,
                    jobArgs.isEmpty() ? "the defaults" : jobArgs);
            double jobSeconds = Double.NaN;
            for (int run = 1; run <= runs; run++) {
                Path input = work.resolve("rows-" + run + ".csv");
                int longest = BenchmarkRows.generate(input, "run" + run + "-", rows, minChars, maxChars, new Random(7 + run));
                double maxProcessing = settings.getProcessingBase().toNanos() / 1e9
                        + settings.getProcessingPerChar().toNanos() / 1e9 * longest;
                double latency = settings.getLatency().toNanos() / 1e9;
                if (runs > 1) {
                    System.out.printf(Locale.ROOT, "-- run %d of %d, on new rows, same output folder%n", run, runs);
                }
                simulator.resetCounters();
                jobSeconds = runJob(simulator, http, input, work, onDisk, jobArgs, heap, jar, rows, rate,
                        maxProcessing + latency, webhooks ? 1 : 2);
                if (run == 1 && baselineRows > 0) {
                    double perRow = BenchmarkRows.baseline(simulator, http, KEY, input, Math.min(baselineRows, rows),
                            rate > 0 ? rate : 20,
                            work.resolve("baseline"));
                    System.out.printf(Locale.ROOT, "one-row-at-a-time loop: %.2f s per row over %d rows, so %.0f s for %d"
                            + " rows; speed-up %.1fx%n", perRow, Math.min(baselineRows, rows), perRow * rows, rows,
                            perRow * rows / jobSeconds);
                }
            }
        }
    }

    /** Runs the packaged job once on {@code input}; prints what it measured and returns the job's own wall time. */
    private static double runJob(AkoolSimulator simulator, CloseableHttpClient http, Path input, Path work, Path onDisk,
            List<String> jobArgs, String heap, String jar, int rows, double rate, double tail, int requestsPerRow)
            throws Exception {
        Optional<Path> launcher = launcherOf(jar);
        List<String> command = new ArrayList<>(launcher.map(path -> List.of(path.toString()))
            .orElseGet(() -> List.of(javaBinary(), "-Xmx" + heap, "-jar", jar)));
        command.addAll(List.of("--input=" + input, "--akool.base-url=" + simulator.baseUrl(),
                "--narrator.progress-interval=5s"));
        command.addAll(jobArgs);
        Path logFile = work.resolve(input.getFileName() + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logFile.toFile());
        builder.environment().put("AKOOL_API_KEY", KEY);
        builder.environment().put("JAVA_OPTS", "-Xmx" + heap); // the launcher's
        System.out.println("job started with " + launcher.map(path -> path + " (class data sharing)")
            .orElse("java -jar " + jar));
        long started = System.nanoTime();
        Process job = builder.start();
        RateSampler sampler = new RateSampler(http, simulator);
        long mostOnDisk = 0;
        while (!job.waitFor(500, TimeUnit.MILLISECONDS)) {
            sampler.sample();
            mostOnDisk = Math.max(mostOnDisk, mp3sUnder(onDisk));
            if (System.nanoTime() - started > TimeUnit.HOURS.toNanos(2)) {
                job.destroyForcibly();
                throw new IllegalStateException("the job did not finish in 2 hours");
            }
        }
        double processSeconds = (System.nanoTime() - started) / 1e9;
        String log = Files.readString(logFile);
        double jobSeconds = group(RUN_TOOK, log).map(Double::parseDouble).orElse(Double.NaN);
        String peakHeap = group(PEAK_HEAP, log).orElse("?");
        JsonNode stats = sampler.stats();
        long apiCalls = sampler.apiCalls(stats);
        long limited = stats.path("rate-limited").asLong();
        System.out.printf(Locale.ROOT, "job exit code %d; log %s%n", job.exitValue(), logFile);
        System.out.printf(Locale.ROOT, "MP3s on this machine's disk: at most %d at once (sampled every 0.5 s), %d at the"
                + " end%n", mostOnDisk, mp3sUnder(onDisk));
        System.out.printf(Locale.ROOT, "wall: %.1f s for the job (%.1f s with JVM start-up); %.1f rows/s%n", jobSeconds,
                processSeconds, rows / jobSeconds);
        System.out.printf(Locale.ROOT, "fixed cost of the process: %.1f s (start to the job's first line, its last line to"
                + " exit: the process's wall time less the job's)%n", processSeconds - jobSeconds);
        System.out.printf(Locale.ROOT, "per row: %.3f create/clone, %.3f status, %.4f voice-list calls; %.3f downloads%n",
                (stats.path("create").asLong() + stats.path("clone").asLong()) / (double) rows,
                stats.path("info").asLong() / (double) rows, stats.path("voices").asLong() / (double) rows,
                stats.path("download").asLong() / (double) rows);
        System.out.printf(Locale.ROOT, "rate-limited answers: %d of %d API requests (%.2f %%)%n", limited, apiCalls,
                apiCalls == 0 ? 0 : 100.0 * limited / apiCalls);
        System.out.printf(Locale.ROOT, "API requests per row, all kinds: %.3f; callbacks: %d sent, %d answered 200, %d"
                + " refused, %d dropped by Akool%n", apiCalls / (double) rows, stats.path("callbacks-sent").asLong(),
                stats.path("callbacks-answered-200").asLong(), stats.path("callbacks-refused").asLong(),
                stats.path("callbacks-dropped").asLong());
        if (rate > 0) {
            double bound = (double) requestsPerRow * rows / rate + tail;
            System.out.printf(Locale.ROOT, "lower bound: %.1f s (%d x %d / %s requests/s + max processing and latency %.2f"
                    + " s); wall / bound = %.3f (the whole process: %.3f)%n", bound, requestsPerRow, rows, fmt(rate), tail,
                    jobSeconds / bound, processSeconds / bound);
            System.out.println(sampler.reached(0.9 * rate).map(s -> String.format(Locale.ROOT,
                    "reached 90 %% of the limit (%.1f accepted requests/s) %.1f s after its first request", 0.9 * rate, s))
                .orElse("never reached 90 % of the limit in a one-second window"));
        }
        else {
            System.out.println("lower bound: none without a rate limit (the job's own speed is what is measured)");
        }
        System.out.println(sampler.firstDownload().map(s -> String.format(Locale.ROOT, "the first MP3 downloaded %.1f s"
                + " after the first request", s)).orElse("no MP3 downloaded") + "; jobs at Akool at once (accepted, their end"
                + " not yet reported by a status call or a callback): at most " + sampler.mostAtAkool());
        System.out.printf(Locale.ROOT, "Akool's bad day: %d refused as too frequent whatever the rate, %d server errors"
                + " (5xx), %d dropped, %d never answered%n", stats.path("http429").asLong(), stats.path("http5xx").asLong(),
                stats.path("dropped").asLong(), stats.path("silent").asLong());
        group(BUDGET, log).ifPresent(budget -> System.out.println("the job's summary: " + budget));
        System.out.println(group(AUDIO_CHECK, log).map(check -> "audio check: " + check)
            .orElse("audio check: off (narrator.audio.checks=false)"));
        System.out.printf(Locale.ROOT, "peak heap in use: %s MB (sampled every 5 s; -Xmx%s); duplicates at Akool: %d%n",
                peakHeap, heap, stats.path("duplicates").asLong());
        return jobSeconds;
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String value(String[] args, String name, String fallback) {
        for (String arg : args) {
            if (arg.startsWith("--" + name + "=")) {
                return arg.substring(name.length() + 3);
            }
        }
        return fallback;
    }

    private static java.util.Optional<String> group(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        String last = null;
        while (matcher.find()) {
            last = matcher.group(1);
        }
        return java.util.Optional.ofNullable(last);
    }

    /** The jar this benchmark runs from ({@code java -jar}), so that it works from any folder. */
    private static String runningJar() {
        String classPath = System.getProperty("java.class.path", "");
        return classPath.endsWith(".jar") && !classPath.contains(java.io.File.pathSeparator)
                ? Path.of(classPath).toAbsolutePath().toString() : "target/akool-narrator.jar";
    }

    /**
     * The repository's launcher ({@code ./akool-narrator}: the extracted jar with its class data sharing archive), when
     * the benchmark runs the jar it was built beside, as the README's commands do; {@code --jar=...} runs that jar.
     */
    /** How many MP3s lie under {@code folder} now (the parts of long scripts included). */
    private static long mp3sUnder(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".mp3")).count();
        }
        catch (UncheckedIOException e) {
            return 0; // a file moved or deleted while it was walked: the next sample counts again
        }
    }

    private static Optional<Path> launcherOf(String jar) {
        if (!jar.equals(runningJar())) {
            return Optional.empty();
        }
        // target/akool-narrator.jar, or target/app/akool-narrator.jar when the launcher itself runs the benchmark
        Path folder = Path.of(jar).toAbsolutePath().getParent();
        for (int up = 0; up < 3 && folder != null; up++, folder = folder.getParent()) {
            Path launcher = folder.resolve("akool-narrator");
            if (Files.isExecutable(launcher) && Files.isRegularFile(folder.resolve("target/app/akool-narrator.jar"))) {
                return Optional.of(launcher);
            }
        }
        return Optional.empty();
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static String fmt(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
