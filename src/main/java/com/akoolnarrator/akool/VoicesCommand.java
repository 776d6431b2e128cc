package com.akoolnarrator.akool;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * {@code java -jar akool-narrator.jar voices [--format=csv]}: the account's voices, Akool's own ({@code from=3}) and
 * the account's ({@code from=4}), with what a user needs to fill the {@code voice_id} column.
 */
public class VoicesCommand {

    private static final List<String> COLUMNS = List.of("voice_id", "name", "gender", "language", "source", "preview_url");

    private final AkoolClient akool;

    public VoicesCommand(AkoolClient akool) {
        this.akool = akool;
    }

    public void print(String format, PrintStream out) {
        List<List<String>> rows = new ArrayList<>();
        for (Voice voice : akool.accountVoices()) {
            rows.add(List.of(voice.voiceId(), orEmpty(voice.name()), orEmpty(voice.gender()), orEmpty(voice.language()),
                    voice.from() == AkoolClient.OWN_VOICES ? "own" : "akool", orEmpty(voice.previewUrl())));
        }
        if ("csv".equalsIgnoreCase(format)) {
            printCsv(rows, out);
        }
        else {
            printTable(rows, out);
        }
    }

    private static void printCsv(List<List<String>> rows, PrintStream out) {
        try {
            CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180);
            csv.printRecord(COLUMNS);
            csv.printRecords(rows);
            csv.flush();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void printTable(List<List<String>> rows, PrintStream out) {
        int[] widths = new int[COLUMNS.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = COLUMNS.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        out.println(line(COLUMNS, widths));
        for (List<String> row : rows) {
            out.println(line(row, widths));
        }
        out.printf(Locale.ROOT, "%d voices%n", rows.size());
    }

    private static String line(List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            line.append(i == cells.size() - 1 ? cells.get(i) : String.format("%-" + widths[i] + "s  ", cells.get(i)));
        }
        return line.toString().stripTrailing();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
