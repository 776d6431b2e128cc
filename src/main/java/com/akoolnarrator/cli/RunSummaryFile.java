package com.akoolnarrator.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Map;

import com.akoolnarrator.storage.AtomicFile;


/**
 * {@code <output-dir>/run-summary.json}: what a run or a dry run did, for a scheduler or a dashboard that should not
 * parse log lines. Written under a temporary name and renamed, like results.csv; its fields are in docs/commands.md.
 */
final class RunSummaryFile {

    static final String NAME = "run-summary.json";

    private RunSummaryFile() {
    }

    static void write(Path folder, Map<String, Object> summary) {
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
