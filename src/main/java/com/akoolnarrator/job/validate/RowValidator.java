package com.akoolnarrator.job.validate;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ItemProcessor;

import com.akoolnarrator.input.InputColumn;
import com.akoolnarrator.input.InputFile;
import com.akoolnarrator.input.InputHeader;
import com.akoolnarrator.input.KnownVoices;
import com.akoolnarrator.input.TrackTags;
import com.akoolnarrator.lexicon.Lexicon;
import com.akoolnarrator.lexicon.Substitution;

/**
 * Checks one record against the input contract and turns it into a {@link NarrationSpec}, or into an INVALID row whose
 * reason names the line, the column and what to change. Checks that need the other rows (duplicate ids, colliding
 * output files) are made by the ledger when the row is recorded.
 */
class RowValidator implements ItemProcessor<InputRecord, ValidatedRow> {

    private static final Pattern RATE = Pattern.compile("(\\d{1,3})\\s*%?");
    private static final Pattern WINDOWS_RESERVED = Pattern.compile("(?i)(con|prn|aux|nul|com[1-9]|lpt[1-9])(\\..*)?");
    private static final Pattern UNSAFE_PATH_CHARS = Pattern.compile("[<>:\"|?*\\\\\\x00-\\x1F]");
    private static final Pattern HTTP_URL = Pattern.compile("(?i)https?://[^\\s/$.?#][^\\s]*");

    /**
     * The most characters one row may hold, all cells together: the job database keeps every row as it was read (for
     * the results' pass-through columns and failed.csv), in columns of at most 1,000,000 characters.
     */
    public static final int MAX_ROW_CHARACTERS = 400_000;
    /** The longest id, voice and URL cells the job database keeps (see the tables in {@code db/migration/V2__ledger_tables.sql}). */
    private static final Map<InputColumn, Integer> MAX_CELL = Map.of(InputColumn.ID, 1024, InputColumn.VOICE_ID, 512,
            InputColumn.VOICE_URL, 2048, InputColumn.WEBHOOK_URL, 2048);

    private final InputHeader header;
    private final String defaultRate;
    private final int maxWords;
    private final int maxCharacters;
    private final ScriptSplitter splitter;
    private final KnownVoices knownVoices;
    private final Lexicon lexicon;
    private final TagColumns tagColumns;
    /** Rows whose tags were cut: the first few are said, one line each. */
    private final AtomicInteger tagsCut = new AtomicInteger();
    private static final int TAG_CUTS_SAID = 5;
    private static final Logger log = LoggerFactory.getLogger("narrator");

    /**
     * @param maxWords      Akool's limit of words per request: longer texts are sent in parts
     * @param maxCharacters the limit of characters per request, likewise
     * @param lexicon       the substitutions made in each text before anything else is checked
     */
    public RowValidator(InputHeader header, String defaultRate, int maxWords, int maxCharacters, KnownVoices knownVoices,
            Lexicon lexicon, TagColumns tagColumns) {
        this.lexicon = lexicon;
        this.tagColumns = tagColumns;
        this.header = header;
        this.defaultRate = defaultRate;
        this.maxWords = maxWords;
        this.maxCharacters = maxCharacters;
        this.splitter = new ScriptSplitter(maxWords, maxCharacters);
        this.knownVoices = knownVoices;
    }

    @Override
    public ValidatedRow process(InputRecord record) {
        long line = record.line();
        List<String> values = record.values();
        String id = header.cell(values, InputColumn.ID).strip();
        String tooLong = tooLong(line, values);
        if (tooLong != null) {
            return ValidatedRow.invalid(line, id, values, tooLong);
        }
        if (record.problem() != null) {
            return ValidatedRow.invalid(line, id, values, record.problem());
        }
        if (values.size() != header.names().size()) {
            return ValidatedRow.invalid(line, id, values, "line " + line + " has " + values.size() + " cells but the header has "
                    + header.names().size() + ": a comma or quote inside a text is probably not quoted; put the cell in"
                    + " double quotes (\"...\") and double any quote inside it");
        }
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i).indexOf(InputFile.NOT_UTF8) >= 0) {
                List<String> asRead = values.stream().map(v -> v.replace(InputFile.NOT_UTF8, '\uFFFD')).toList();
                return ValidatedRow.invalid(line, id.replace(InputFile.NOT_UTF8, '\uFFFD'), asRead,
                        at(line, header.names().get(i)) + "contains bytes that are not valid UTF-8: save the file as"
                        + " 'CSV UTF-8'");
            }
        }
        try {
            Substitution said = lexicon.apply(header.cell(values, InputColumn.TEXT).strip());
            return ValidatedRow.valid(line, values, spec(line, id, values, said.text()), said.uses());
        }
        catch (InvalidCell e) {
            return ValidatedRow.invalid(line, id, values, e.getMessage());
        }
    }

    /** Why a row is too long for the job to keep, or null when it is not. */
    private String tooLong(long line, List<String> values) {
        long total = values.stream().mapToLong(String::length).sum();
        if (total > MAX_ROW_CHARACTERS) {
            int longest = 0;
            for (int i = 1; i < values.size(); i++) {
                longest = values.get(i).length() > values.get(longest).length() ? i : longest;
            }
            String column = longest < header.names().size() ? header.names().get(longest) : "#" + (longest + 1);
            return at(line, column) + "has " + String.format(Locale.ROOT, "%,d", values.get(longest).length())
                    + " characters; a row may hold at most " + String.format(Locale.ROOT, "%,d", MAX_ROW_CHARACTERS)
                    + " (about 60,000 words): split the text into several rows";
        }
        for (Map.Entry<InputColumn, Integer> limit : MAX_CELL.entrySet()) {
            String cell = header.cell(values, limit.getKey());
            if (cell.length() > limit.getValue()) {
                return at(line, column(limit.getKey())) + "has " + cell.length() + " characters, more than the "
                        + limit.getValue() + " it may have: shorten it";
            }
        }
        return null;
    }

    /** @param text the row's text as said: with the lexicon's substitutions made */
    private NarrationSpec spec(long line, String id, List<String> values, String text) {
        if (id.isEmpty()) {
            throw new InvalidCell(at(line, "id") + "is empty: give every row a unique id");
        }
        if (text.isBlank()) {
            throw new InvalidCell(at(line, column(InputColumn.TEXT)) + "is empty: write the text to narrate");
        }
        List<String> parts;
        try {
            parts = splitter.split(text);
        }
        catch (ScriptSplitter.TooLongSentence e) {
            boolean words = e.words() > maxWords;
            throw new InvalidCell(at(line, column(InputColumn.TEXT)) + "has " + (words
                    ? ScriptSplitter.words(text) + " words, over Akool's limit of " + maxWords
                    : ScriptSplitter.characters(text) + " characters, over the limit of " + maxCharacters
                            + " (narrator.max-characters)")
                    + " per request, and cannot be split at a sentence end: the sentence starting \"" + e.sentenceStart()
                    + "\" alone has " + (words ? e.words() + " words" : e.characters() + " characters")
                    + "; end it earlier with a full stop, or split the text into several rows");
        }
        String voiceId = header.cell(values, InputColumn.VOICE_ID).strip();
        String voiceUrl = header.cell(values, InputColumn.VOICE_URL).strip();
        if (voiceId.isEmpty() && voiceUrl.isEmpty()) {
            throw new InvalidCell(at(line, "voice_id") + "no voice: fill 'voice_id' (a voice from the 'voices' command)"
                    + (header.has(InputColumn.VOICE_URL) ? " or 'voice_url' (a voice sample to clone)" : ""));
        }
        if (!voiceId.isEmpty() && !voiceUrl.isEmpty()) {
            throw new InvalidCell(at(line, "voice_id") + "both 'voice_id' and 'voice_url' are filled, so it is unclear"
                    + " which voice to use: keep one (voice_id for a stock or own voice, voice_url to clone a sample)");
        }
        if (!voiceUrl.isEmpty() && !HTTP_URL.matcher(voiceUrl).matches()) {
            throw new InvalidCell(at(line, "voice_url") + "'" + voiceUrl + "' is not an http(s) URL: give the public URL"
                    + " of the voice sample to clone");
        }
        if (!voiceId.isEmpty()) {
            Optional<Set<String>> known = knownVoices.ids();
            if (known.isPresent() && !known.get().contains(voiceId)) {
                throw new InvalidCell(at(line, "voice_id") + "'" + voiceId + "' is not one of this account's voices:"
                        + " run the 'voices' command to list them");
            }
        }
        String rate = rate(line, header.cell(values, InputColumn.RATE).strip());
        String webhook = header.cell(values, InputColumn.WEBHOOK_URL).strip();
        if (!webhook.isEmpty() && !HTTP_URL.matcher(webhook).matches()) {
            throw new InvalidCell(at(line, "webhook_url") + "'" + webhook + "' is not an http(s) URL");
        }
        String output = header.cell(values, InputColumn.OUTPUT).strip();
        String file = output.isEmpty() ? defaultFile(line, id) : outputFile(line, output);
        TrackTags tags = tagColumns.of(values);
        if (tagColumns.cuts(values) && tagsCut.getAndIncrement() < TAG_CUTS_SAID) {
            String most = String.format(Locale.ROOT, "%,d", TrackTags.MAX_VALUE);
            log.warn("line {}: a tag cell has more than {} characters: the MP3's tag keeps its first {}{}", line, most, most,
                    tagsCut.get() == TAG_CUTS_SAID ? " (the same for any further rows, not said again)" : "");
        }
        if (!TagColumns.isTrack(tags.track())) {
            throw new InvalidCell(at(line, tagColumns.trackColumn()) + "'" + tags.track() + "' is not a track number: write"
                    + " a number, or the number and the count, e.g. 3 or 3/12");
        }
        return new NarrationSpec(id, text, voiceId.isEmpty() ? null : voiceId, voiceUrl.isEmpty() ? null : voiceUrl,
                rate, webhook.isEmpty() ? null : webhook, file, parts, tags);
    }

    private String rate(long line, String cell) {
        if (cell.isEmpty()) {
            return defaultRate;
        }
        Matcher matcher = RATE.matcher(cell);
        if (!matcher.matches()) {
            throw new InvalidCell(at(line, "rate") + "'" + cell + "' is not a speed: write a whole percentage from 0% to"
                    + " 100%, e.g. 85%");
        }
        int percent = Integer.parseInt(matcher.group(1));
        if (percent > 100) {
            throw new InvalidCell(at(line, "rate") + "'" + cell + "' is out of range: use 0% to 100%");
        }
        return percent + "%";
    }

    private static String defaultFile(long line, String id) {
        String file = id + ".mp3";
        String problem = id.contains("/") ? "it contains '/', which would make a folder" : pathProblem(file);
        if (problem != null) {
            throw new InvalidCell(at(line, "id") + "'" + id + "' cannot be used as a file name (" + problem
                    + "): change the id or give the row an 'output' path");
        }
        return file;
    }

    private static String outputFile(long line, String output) {
        String problem = pathProblem(output);
        if (problem != null) {
            throw new InvalidCell(at(line, "output") + "'" + output + "' " + problem
                    + ": give a relative path inside the output folder, e.g. course-1/lesson-02.mp3");
        }
        if (!output.toLowerCase(Locale.ROOT).endsWith(".mp3")) {
            throw new InvalidCell(at(line, "output") + "'" + output + "' does not end in .mp3: name the MP3 file, e.g. "
                    + output + ".mp3");
        }
        return output;
    }

    /** Why a relative path is unsafe on Linux or Windows, or null when it is fine. */
    static String pathProblem(String path) {
        if (path.startsWith("/") || path.startsWith("\\") || path.matches("(?i)^[a-z]:.*")) {
            return "is an absolute path";
        }
        if (UNSAFE_PATH_CHARS.matcher(path).find()) {
            return "contains a character that is not allowed in file names on Windows or Linux (< > : \" | ? * \\ or a control character)";
        }
        for (String segment : path.split("/", -1)) {
            if (segment.equals("..")) {
                return "leaves the output folder (..)";
            }
            if (segment.isEmpty() || segment.equals(".")) {
                return "has an empty folder name";
            }
            if (segment.endsWith(".") || segment.endsWith(" ")) {
                return "has a name ending in a dot or space, which Windows cannot store";
            }
            if (WINDOWS_RESERVED.matcher(segment).matches()) {
                return "uses '" + segment + "', a name Windows reserves";
            }
        }
        if (path.length() > 240) {
            return "is longer than 240 characters";
        }
        return null;
    }

    private String column(InputColumn column) {
        return header.names().get(header.columns().get(column));
    }

    private static String at(long line, String column) {
        return "line " + line + ", column '" + column + "': ";
    }

    private static final class InvalidCell extends RuntimeException {
        InvalidCell(String message) {
            super(message, null, false, false);
        }
    }
}
