package com.akoolnarrator.review;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.akoolnarrator.audio.AudioCheck;
import com.akoolnarrator.ledger.LedgerStore;
import com.akoolnarrator.ledger.RunStatistics;
import com.akoolnarrator.storage.AtomicFile;
import com.akoolnarrator.storage.FolderIdentity;

/**
 * {@code review --output-dir=DIR}: a person's verdict on the files of the folder's last run, on a page served until
 * stopped, or as a spreadsheet exported and imported. A decision is on the row's current take: {@code approve} keeps
 * it, {@code redo} has the next run narrate the row again (a new take, paid for), keeping this one beside it.
 */
public class ReviewCommand {

    private final ReviewRows ledger;
    private final RunStatistics statistics;
    private final AudioCheck audioCheck;

    ReviewCommand(LedgerStore store, RunStatistics statistics, AudioCheck audioCheck) {
        this.ledger = new ReviewRows(store);
        this.statistics = statistics;
        this.audioCheck = audioCheck;
    }

    /** The page being served, at {@code url}, until closed. */
    public record Serving(String url, int port, Runnable stop) implements AutoCloseable {

        @Override
        public void close() {
            stop.run();
        }
    }

    /**
     * Serves the review page of {@code folder}'s last run on {@code bind}:{@code port}.
     *
     * @throws ReviewRefused when the folder has no run to review, or the address cannot be had
     */
    public Serving serve(Path folder, String bind, int port, String reviewer) {
        return ReviewServer.start(session(folder, reviewer), bind, port);
    }

    /** Writes every row of the folder's last run with its decision, as CSV, to {@code file} ("-": {@code out}). */
    public int export(Path folder, String file, PrintStream out) {
        ReviewSession session = session(folder, null);
        List<ReviewRow> rows = session.rows();
        try {
            if (file.equals("-")) {
                DecisionsCsv.write(rows, audioCheck, out);
                out.flush();
            }
            else {
                try (AtomicFile written = AtomicFile.beside(Path.of(file).toAbsolutePath())) {
                    try (var writer = written.writer()) {
                        DecisionsCsv.write(rows, audioCheck, writer);
                    }
                    written.publish();
                }
            }
        }
        catch (IOException | UncheckedIOException e) {
            throw new ReviewRefused("cannot write " + file + ": " + e.getMessage());
        }
        return rows.size();
    }

    /**
     * Reads the decisions of {@code file} into the folder's last run, by {@code reviewer}: all of them, or, when one
     * line is wrong (an unknown id, a row without a file to hear, an unknown decision, a line that is not CSV), none.
     *
     * @return how many decisions were saved
     */
    public int importFile(Path folder, Path file, String reviewer) {
        ReviewSession session = session(folder, reviewer);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        }
        catch (NoSuchFileException e) {
            throw new ReviewRefused("there is no file " + file.toAbsolutePath());
        }
        catch (IOException | UncheckedIOException e) {
            throw new ReviewRefused("cannot read " + file + " as UTF-8 text: " + e.getMessage());
        }
        String name = file.toString();
        Map<String, ReviewRow> byId = new HashMap<>();
        for (ReviewRow row : session.rows()) {
            if (row.key() != null || !byId.containsKey(row.id())) {
                byId.put(row.id(), row); // a valid row's id before an INVALID duplicate's
            }
        }
        List<ReviewRows.Decision> decisions = new ArrayList<>();
        for (DecisionsCsv.Line line : DecisionsCsv.read(name, text)) {
            ReviewRow row = byId.get(line.id());
            if (row == null) {
                throw new ReviewRefused(name + ", line " + line.line() + ", column 'id': '" + line.id() + "' is not a row"
                        + " of the last run into " + folder + " (review --export=- lists them)");
            }
            if (row.file() == null) {
                throw new ReviewRefused(name + ", line " + line.line() + ", column 'id': row '" + line.id() + "' has no"
                        + " file to review (" + row.status() + (row.error() == null ? "" : ": " + row.error()) + ")");
            }
            decisions.add(new ReviewRows.Decision(row.key(), row.take(), line.decision(), line.reason()));
        }
        if (!ledger.decideAll(decisions, reviewer)) {
            throw new ReviewRefused(name + ": a row changed while it was read (a run is narrating into " + folder
                    + "); nothing was saved: import it again");
        }
        return decisions.size();
    }

    private ReviewSession session(Path folder, String reviewer) {
        Path absolute = folder.toAbsolutePath().normalize();
        long run = statistics.lastRun(FolderIdentity.knownAs(absolute))
            .orElseThrow(() -> new ReviewRefused("no run has narrated into " + absolute + " yet: there is nothing to"
                    + " review (give the run's --output-dir)"));
        return new ReviewSession(absolute, run, reviewer, ledger, audioCheck);
    }
}
