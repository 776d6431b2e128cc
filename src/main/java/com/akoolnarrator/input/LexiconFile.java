package com.akoolnarrator.input;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVRecord;

import com.akoolnarrator.lexicon.Lexicon;
import com.akoolnarrator.lexicon.LexiconEntry;
import com.akoolnarrator.lexicon.LexiconException;
import com.akoolnarrator.storage.Sha256;

/**
 * Reads a lexicon file: UTF-8 CSV (comma, semicolon or tab, detected from the header line as the input's is) with the
 * columns {@code term} and {@code say}, and optionally {@code whole_word} (default yes) and {@code match_case} (default
 * no). Whatever is wrong with it is one {@link LexiconException} naming the file, the line and the fix.
 */
public final class LexiconFile {

    private static final List<String> KNOWN = List.of("term", "say", "whole_word", "match_case");
    /** The most a lexicon file may hold: read whole, then held as text and as a trie, it must fit a small heap. */
    static final int MAX_BYTES = 16 << 20;

    private LexiconFile() {
    }

    public static Lexicon read(Path file) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1); // a pipe or a device has no size to ask first
        }
        catch (NoSuchFileException e) {
            throw new LexiconException("lexicon file not found: " + file.toAbsolutePath());
        }
        catch (IOException e) {
            throw new LexiconException("cannot read the lexicon file " + file.toAbsolutePath() + ": " + e.getMessage());
        }
        if (bytes.length > MAX_BYTES) {
            throw new LexiconException("the lexicon " + file.toAbsolutePath() + " is larger than " + (MAX_BYTES >> 20)
                    + " MB, the most a lexicon may be (some 300,000 entries): is it the right file?");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        }
        catch (CharacterCodingException e) {
            throw new LexiconException("the lexicon " + name + " is not UTF-8 text: save it as 'CSV UTF-8'");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return new Lexicon(entries(name, text), Sha256.of(text));
    }

    private static List<LexiconEntry> entries(String name, String text) {
        List<LexiconEntry> entries = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        Map<String, Integer> columns = null;
        try {
            for (CsvLines.Numbered numbered : CsvLines.of(text)) {
                if (columns == null) {
                    columns = header(name, numbered.record());
                    continue;
                }
                long line = numbered.line();
                LexiconEntry entry = entry(name, numbered.record(), columns, line);
                String key = entry.matchCase() ? entry.term() : entry.term().toLowerCase(Locale.ROOT);
                Long earlier = seen.putIfAbsent((entry.matchCase() ? "=" : "~") + key, line);
                if (earlier != null) {
                    throw new LexiconException(at(name, line, "term") + "'" + entry.term() + "' is already on line " + earlier
                            + ": keep one of them");
                }
                entries.add(entry);
            }
        }
        catch (IOException | UncheckedIOException e) {
            throw new LexiconException("the lexicon " + name + " cannot be read as CSV: " + e.getMessage()
                    + " (a quote that is not closed?)");
        }
        if (columns == null) {
            throw new LexiconException("the lexicon " + name + " is empty: give it a header line 'term,say' and a"
                    + " line per term");
        }
        return entries;
    }

    private static Map<String, Integer> header(String name, CSVRecord record) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < record.size(); i++) {
            String column = record.get(i).strip().toLowerCase(Locale.ROOT).replaceAll("[\\s\\-]+", "_");
            if (KNOWN.contains(column)) {
                columns.putIfAbsent(column, i);
            }
        }
        if (!columns.containsKey("term") || !columns.containsKey("say")) {
            throw new LexiconException("the lexicon " + name + ", line 1 (header): needs the columns 'term' and 'say'"
                    + " (optional: 'whole_word', 'match_case'); the header found was: " + String.join(", ", record.toList()));
        }
        return columns;
    }

    private static LexiconEntry entry(String name, CSVRecord record, Map<String, Integer> columns, long line) {
        String term = cell(record, columns.get("term"));
        if (term.isBlank()) {
            throw new LexiconException(at(name, line, "term") + "is empty: write the word or phrase to say differently");
        }
        if (term.strip().length() != term.length()) {
            term = term.strip();
        }
        String say = cell(record, columns.get("say")).strip();
        if (say.isEmpty()) {
            throw new LexiconException(at(name, line, "say") + "is empty: write how to say '" + term + "'");
        }
        boolean wholeWord = yesOrNo(name, record, columns.get("whole_word"), line, "whole_word", true);
        boolean matchCase = yesOrNo(name, record, columns.get("match_case"), line, "match_case", false);
        return new LexiconEntry(term, say, wholeWord, matchCase, line);
    }

    private static boolean yesOrNo(String name, CSVRecord record, Integer column, long line, String header, boolean absent) {
        String value = cell(record, column).strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "" -> absent;
            case "yes", "y", "true", "1" -> true;
            case "no", "n", "false", "0" -> false;
            default -> throw new LexiconException(at(name, line, header) + "'" + value + "' is neither yes nor no");
        };
    }

    private static String cell(CSVRecord record, Integer column) {
        return column == null || column >= record.size() ? "" : record.get(column);
    }

    private static String at(String name, long line, String column) {
        return "the lexicon " + name + ", line " + line + ", column '" + column + "': ";
    }
}
