package com.akoolnarrator.input;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The records of a small CSV text that a person edits (a lexicon, a review's decisions), its separator detected as the
 * input's is, each with the line it starts on as an editor numbers it (a quoted value may span lines); blank lines
 * left out.
 */
public final class CsvLines {

    private CsvLines() {
    }

    /** A record and the line it starts on, from 1. */
    public record Numbered(long line, CSVRecord record) {
    }

    /**
     * @throws IOException or {@link java.io.UncheckedIOException} when the text is not CSV (a quote never closed)
     */
    public static List<Numbered> of(String text) throws IOException {
        List<Numbered> records = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(text,
                InputFile.format(InputFile.detectDelimiter(text.lines().findFirst().orElse(""))))) {
            long line = 1;
            int counted = 0;
            for (CSVRecord record : parser) {
                for (; counted < record.getCharacterPosition() && counted < text.length(); counted++) {
                    line += text.charAt(counted) == '\n' ? 1 : 0;
                }
                if (record.size() != 1 || !record.get(0).isBlank()) {
                    records.add(new Numbered(line, record));
                }
            }
        }
        return records;
    }
}
