package com.akoolnarrator.input;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * An input CSV that passed the whole-file checks: it exists, is text, has a usable header. Its delimiter (comma,
 * semicolon as written by spreadsheets in many locales, or tab) is detected from the header line. Inspecting reads
 * only the head of the file.
 *
 * @param path what is read: the run's copy of the input ({@link InputSnapshot})
 * @param source the file the user gave: it names the run, and the messages
 */
public record InputFile(Path path, Path source, char delimiter, InputHeader header) {

    private static final int SNIFF_BYTES = 8192;

    /** A file read where it is. */
    public static InputFile inspect(Path path) {
        InputSnapshot.requireReadable(path);
        return inspect(path, path);
    }

    /** The copy {@code path} of the file {@code source}. */
    static InputFile inspect(Path path, Path source) {
        byte[] head;
        try (InputStream in = Files.newInputStream(path)) {
            head = in.readNBytes(SNIFF_BYTES);
        }
        catch (IOException e) {
            throw new InputFileException("input file cannot be read: " + source.toAbsolutePath() + " (" + e.getMessage() + ")");
        }
        if (head.length == 0) {
            throw new InputFileException("input file is empty: " + source.toAbsolutePath()
                    + ". It needs a header row (id,text,voice_id,...) and one row per narration");
        }
        rejectBinary(source, head);
        char delimiter = detectDelimiter(firstLine(head));
        InputHeader header;
        try (Reader reader = open(path); CSVParser parser = format(delimiter).parse(reader)) {
            Iterator<CSVRecord> records = parser.iterator();
            CSVRecord first = records.hasNext() ? records.next() : null;
            if (first == null || first.stream().allMatch(cell -> cell.isBlank())) {
                throw new InputFileException("input file has no header row: " + source.toAbsolutePath()
                        + ". The first line must name the columns, e.g. id,text,voice_id");
            }
            header = InputHeader.parse(first.toList());
        }
        catch (IOException | java.io.UncheckedIOException e) {
            throw new InputFileException("line 1 (header) cannot be read as CSV: " + e.getMessage());
        }
        return new InputFile(path, source, delimiter, header);
    }

    /** The CSV dialect used to read and to write files of this input's kind. */
    public static CSVFormat format(char delimiter) {
        return CSVFormat.RFC4180.builder()
            .setDelimiter(delimiter)
            .setIgnoreEmptyLines(false)
            .setTrim(false)
            .get();
    }

    public CSVFormat format() {
        return format(delimiter);
    }

    /**
     * What bytes that are not UTF-8 are read as: a lone low surrogate, which no UTF-8 text decodes to (U+FFFD, the
     * replacement character, may stand in a cell for real). Validation reports it, and keeps U+FFFD in its place.
     */
    public static final char NOT_UTF8 = '\uDFFF';

    /** A UTF-8 reader past any byte order mark; bytes that are not UTF-8 become {@link #NOT_UTF8}. */
    public static Reader open(Path path) throws IOException {
        InputStream in = Files.newInputStream(path);
        byte[] bom = in.readNBytes(3);
        boolean hasBom = bom.length == 3 && (bom[0] & 0xFF) == 0xEF && (bom[1] & 0xFF) == 0xBB && (bom[2] & 0xFF) == 0xBF;
        InputStream body = hasBom ? in : new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(bom), in);
        var decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE)
            .replaceWith(String.valueOf(NOT_UTF8));
        return new BufferedReader(new InputStreamReader(body, decoder), 64 * 1024);
    }

    private static void rejectBinary(Path path, byte[] head) {
        String name = path.getFileName().toString();
        if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            throw new InputFileException(name + " is a spreadsheet workbook (.xlsx/.ods) or another zip file, not CSV: "
                    + "save it as 'CSV UTF-8 (comma delimited)' and pass that file");
        }
        if (head.length >= 4 && (head[0] & 0xFF) == 0xD0 && (head[1] & 0xFF) == 0xCF && (head[2] & 0xFF) == 0x11 && (head[3] & 0xFF) == 0xE0) {
            throw new InputFileException(name + " is a legacy Excel workbook (.xls), not CSV: save it as 'CSV UTF-8 (comma delimited)'");
        }
        if (head.length >= 2 && ((head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE || (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF)) {
            throw new InputFileException(name + " is saved as UTF-16 text: save it as 'CSV UTF-8' instead");
        }
        for (byte b : head) {
            if (b == 0) {
                throw new InputFileException(name + " is a binary file, not CSV text: export the sheet as 'CSV UTF-8'");
            }
        }
    }

    private static String firstLine(byte[] head) {
        String text = new String(head, StandardCharsets.UTF_8);
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }

    /** The most frequent of comma, semicolon and tab in the header line, outside quotes; comma on a tie. */
    static char detectDelimiter(String headerLine) {
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        for (char c : headerLine.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            else if (!quoted) {
                switch (c) {
                    case ',' -> commas++;
                    case ';' -> semicolons++;
                    case '\t' -> tabs++;
                    default -> { }
                }
            }
        }
        if (semicolons > commas && semicolons >= tabs) {
            return ';';
        }
        return tabs > commas ? '\t' : ',';
    }
}
