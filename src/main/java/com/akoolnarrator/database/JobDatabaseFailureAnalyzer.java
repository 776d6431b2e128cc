package com.akoolnarrator.database;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import com.akoolnarrator.storage.FolderHolder;

/**
 * The job database cannot be opened: say why in plain words instead of H2's stack trace. Another process may hold it
 * (H2 lets one process at a time open a file), or the file is damaged (truncated by a full disk, say).
 */
class JobDatabaseFailureAnalyzer extends AbstractFailureAnalyzer<SQLException> {

    private static final Pattern DATABASE_FILE = Pattern.compile("(?:nio:|file:)?(/[^\\s\"]*?\\.mv\\.db)");

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
        String message = String.valueOf(cause.getMessage());
        if (message.contains("Database may be already in use")) {
            String file = message.replaceAll("(?s).*Database may be already in use: \"?([^\"\\n]*)\"?.*", "$1");
            Path database = Path.of(file.replaceFirst("^(nio:|file:)", ""));
            String holder = database.getParent() == null || database.getParent().getParent() == null ? ""
                    : FolderHolder.of(database.getParent().getParent()).map(h -> " (" + h + ")").orElse("");
            return new FailureAnalysis("Another run is using this output folder: its job database (" + file
                    + ") is locked by a running akool-narrator process" + holder + " (a run, or a review of the folder).",
                    "Wait for that run to finish or end the review (Ctrl-C), or give this run another --output-dir.", cause);
        }
        if (damaged(cause)) {
            Matcher file = DATABASE_FILE.matcher(message);
            String where = file.find() ? file.group(1) : "in the output folder's .narrator/ folder";
            String folder = file.find(0) ? file.group(1).replaceFirst("/[^/]*$", "") : ".narrator";
            return new FailureAnalysis("The job database " + where + " is damaged: it cannot be read (a full disk or a crash"
                    + " while it was written can leave it so).",
                    "To start afresh, move " + folder + " aside (for example to " + folder + ".damaged) and run again:"
                            + " the MP3s already written stay and are recognised by their tags (not narrated again), but"
                            + " rows without an MP3 on disk are submitted, and billed, again.", cause);
        }
        return null;
    }

    private static boolean damaged(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String name = t.getClass().getSimpleName();
            String message = String.valueOf(t.getMessage());
            if (name.equals("MVStoreException") || message.contains("File corrupted") || message.contains("Reading from file")) {
                return true;
            }
        }
        return false;
    }
}
