package com.akoolnarrator;

import java.util.Arrays;

import com.akoolnarrator.benchmark.NarrationBenchmark;
import com.akoolnarrator.cli.NarratorCli;
import com.akoolnarrator.simulator.SimulatorMain;

/**
 * {@code java -jar akool-narrator.jar [run] [--job=demo] [--input=rows.csv] [--output-dir=out] [--dry-run]
 * [--setting=value ...]} runs the narration job and exits with its code; {@code voices} and {@code status} are the
 * job's other commands, {@code simulator} and {@code benchmark} the tools that stand in for Akool and measure the job;
 * {@code --help} says more.
 */
final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        String first = args.length > 0 ? args[0] : "";
        String[] rest = args.length > 0 ? Arrays.copyOfRange(args, 1, args.length) : args;
        switch (first) {
            case "simulator" -> SimulatorMain.main(rest);
            case "benchmark" -> NarrationBenchmark.main(rest);
            default -> System.exit(NarratorCli.run(NarratorApplication.class, args));
        }
    }
}
