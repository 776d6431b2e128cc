package com.akoolnarrator.job.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.akoolnarrator.input.Sentences;

/**
 * Splits a text over Akool's per-request limits (words, and characters: a text without spaces, such as Chinese or
 * Japanese, is few "words" but many characters) into parts under them, only where a sentence ends (the job's one
 * rule for sentences, {@link Sentences}), so that no part starts or stops mid-sentence and the joined audio has its pauses where a
 * reader would pause. Words are counted as Akool's limit counts them: runs of non-space characters; characters as
 * Unicode code points.
 */
final class ScriptSplitter {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final int maxWords;
    private final int maxCharacters;

    public ScriptSplitter(int maxWords, int maxCharacters) {
        this.maxWords = maxWords;
        this.maxCharacters = maxCharacters;
    }

    public static int characters(String text) {
        return text.codePointCount(0, text.length());
    }

    public static int words(String text) {
        String stripped = text.strip();
        return stripped.isEmpty() ? 0 : WHITESPACE.split(stripped).length;
    }

    /**
     * The parts of a text in order: the text itself when it is within the limit, otherwise sentences packed greedily
     * into parts of at most the limit.
     *
     * @throws TooLongSentence when one sentence alone is over the limit, so no split at a sentence end can work
     */
    public List<String> split(String text) {
        if (words(text) <= maxWords && characters(text) <= maxCharacters) {
            return List.of(text);
        }
        List<String> parts = new ArrayList<>();
        int partStart = 0;
        int partWords = 0;
        int partCharacters = 0;
        for (int[] bound : Sentences.bounds(text)) {
            int start = bound[0];
            String sentence = text.substring(start, bound[1]);
            int sentenceWords = words(sentence);
            int sentenceCharacters = characters(sentence);
            if (sentenceWords > maxWords || sentenceCharacters > maxCharacters) {
                throw new TooLongSentence(excerpt(sentence), sentenceWords, sentenceCharacters);
            }
            if (partWords + sentenceWords > maxWords || partCharacters + sentenceCharacters > maxCharacters) {
                parts.add(text.substring(partStart, start).strip());
                partStart = start;
                partWords = 0;
                partCharacters = 0;
            }
            partWords += sentenceWords;
            partCharacters += sentenceCharacters;
        }
        parts.add(text.substring(partStart).strip());
        return List.copyOf(parts);
    }

    private static String excerpt(String sentence) {
        String flat = WHITESPACE.matcher(sentence.strip()).replaceAll(" ");
        return flat.length() <= 60 ? flat : flat.substring(0, 60) + "...";
    }

    /** One sentence is longer than the per-request limit. */
    public static final class TooLongSentence extends RuntimeException {

        private final String start;
        private final int words;
        private final int characters;

        TooLongSentence(String start, int words, int characters) {
            super("a sentence of " + words + " words, " + characters + " characters", null, false, false);
            this.start = start;
            this.words = words;
            this.characters = characters;
        }

        public String sentenceStart() {
            return start;
        }

        public int words() {
            return words;
        }

        public int characters() {
            return characters;
        }
    }
}
