package com.akoolnarrator.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import com.akoolnarrator.storage.AtomicFile;


/**
 * {@code <output-dir>/run-summary.json}: what a run or a dry run did, for a scheduler or a dashboard that should not
 * parse log lines. Written under a temporary name and renamed, like results.csv; its fields are in docs/commands.md.
 */
final class RunSummaryFile {

    static final String NAME = "run-summary.json";

    private RunSummaryFile() {
    }

    /** The file's fields, in their order; {@code characters} for a run, {@code charactersToSubmit} for a dry run. */
    record Summary(String command, long run, String input, String outputDir, int exitCode, String outcome,
            String startedAt, String endedAt, double wallSeconds, Rows rows,
            @JsonInclude(JsonInclude.Include.NON_NULL) Long characters,
            @JsonInclude(JsonInclude.Include.NON_NULL) Long charactersToSubmit,
            double estimatedCredits, double creditsPerThousandCharacters, Double balanceBefore, Double balanceAfter,
            Map<String, Long> requests, long rateLimited, RequestBudget requestBudget) {
    }

    /**
     * A dry run counts only {@code total}, {@code invalid} and {@code narratedAgain}.
     *
     * @param narratedAgain rows narrated again at a reviewer's request (a dry run: that would be)
     */
    record Rows(long total, long succeeded, long failed, long invalid, long toListenTo, long narratedAgain) {
    }

    /** {@code nextRunStartsAt} only when the rate is learnt. */
    record RequestBudget(boolean learnt, double highestRequestsPerSecond, Double nextRunStartsAt) {
    }

    static void write(Path folder, Summary summary) {
        try (AtomicFile file = AtomicFile.beside(folder.resolve(NAME)); Writer out = file.writer()) {
            Json.MAPPER.writeValue(out, summary);
            out.close();
            file.publish();
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot write " + folder.resolve(NAME), e);
        }
    }
}
