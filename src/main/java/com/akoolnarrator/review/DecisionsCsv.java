package com.akoolnarrator.review;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import com.akoolnarrator.audio.AudioCheck;
import com.akoolnarrator.audio.AudioFindings;
import com.akoolnarrator.input.CsvLines;
import com.akoolnarrator.input.SpreadsheetCells;
import com.akoolnarrator.ledger.ResultRow;

/**
 * The review as a spreadsheet: every row of the last run with its decision written out, and decisions read back in
 * (columns {@code id}, {@code decision}, and optionally {@code reason}; any others, such as the export's, are ignored).
 */
final class DecisionsCsv {

    static final List<String> COLUMNS = List.of("id", "file", "decision", "reason", "reviewer", "reviewed_at", "take",
            "audio_check", "status");

    private DecisionsCsv() {
    }

    static void write(List<ReviewRow> rows, AudioCheck audioCheck, Appendable out) throws IOException {
        CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180);
        printer.printRecord(COLUMNS);
        for (ReviewRow row : rows) {
            printer.printRecord(cell(row.id()), cell(row.file()), row.decision() == null ? "" : row.decision().label(),
                    cell(row.reason()), cell(row.reviewer()), row.reviewedAt() == null ? "" : row.reviewedAt().toString(),
                    row.take() == null ? "" : row.take(), cell(row.audio() == null ? ""
                            : audioCheck.describe(AudioFindings.of(row.audio()), row.expectedSeconds())),
                    row.status().name());
        }
        printer.flush();
    }

    /** A decision read: on {@code line} of the file, for row {@code id}; {@code decision} null clears the row's. */
    record Line(long line, String id, ResultRow.Review decision, String reason) {
    }

    /** Every decision of the file {@code name}, or the first thing wrong with it, as one line. */
    static List<Line> read(String name, String text) {
        List<Line> lines = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        Map<String, Integer> columns = null;
        try {
            for (CsvLines.Numbered numbered : CsvLines.of(text.startsWith("\uFEFF") ? text.substring(1) : text)) {
                if (columns == null) {
                    columns = header(name, numbered.record());
                    continue;
                }
                Line read = line(name, numbered.line(), numbered.record(), columns);
                Long earlier = seen.putIfAbsent(read.id(), numbered.line());
                if (earlier != null) {
                    throw new ReviewRefused(name + ", line " + numbered.line() + ", column 'id': '" + read.id()
                            + "' is already on line " + earlier + ": keep one of them");
                }
                lines.add(read);
            }
        }
        catch (IOException | UncheckedIOException e) {
            throw new ReviewRefused(name + " cannot be read as CSV: " + e.getMessage() + " (a quote that is not closed?)");
        }
        if (columns == null) {
            throw new ReviewRefused(name + " is empty: give it a header line 'id,decision,reason' and a line per row");
        }
        return lines;
    }

    private static Map<String, Integer> header(String name, CSVRecord record) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < record.size(); i++) {
            columns.putIfAbsent(record.get(i).strip().toLowerCase(Locale.ROOT), i);
        }
        if (!columns.containsKey("id") || !columns.containsKey("decision")) {
            throw new ReviewRefused(name + ", line 1 (header): needs the columns 'id' and 'decision' (and may have"
                    + " 'reason'); it has " + String.join(", ", record.toList()));
        }
        return columns;
    }

    private static Line line(String name, long line, CSVRecord record, Map<String, Integer> columns) {
        String id = SpreadsheetCells.restored(value(record, columns.get("id")));
        if (id.isBlank()) {
            throw new ReviewRefused(name + ", line " + line + ", column 'id': is empty");
        }
        String decision = value(record, columns.get("decision")).strip();
        ResultRow.Review review;
        if (decision.isEmpty()) {
            review = null;
        }
        else {
            try {
                review = ResultRow.Review.valueOf(decision.toUpperCase(Locale.ROOT));
            }
            catch (IllegalArgumentException e) {
                throw new ReviewRefused(name + ", line " + line + ", column 'decision': '" + decision
                        + "' is not a decision: approve, redo, or empty to clear");
            }
        }
        Integer reason = columns.get("reason");
        return new Line(line, id, review, reason == null ? null : SpreadsheetCells.restored(value(record, reason)));
    }

    private static String value(CSVRecord record, Integer column) {
        return column == null || column >= record.size() ? "" : record.get(column);
    }

    private static String cell(String value) {
        return value == null ? "" : SpreadsheetCells.neutralised(value);
    }
}
