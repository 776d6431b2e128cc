package com.akoolnarrator.input;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Splits a text over Akool's per-request word limit into parts under it, only where a sentence ends (the JDK's
 * sentence {@link BreakIterator}), so that no part starts or stops mid-sentence and the joined audio has its pauses
 * where a reader would pause. Words are counted as Akool's limit counts them: runs of non-space characters.
 */
public final class ScriptSplitter {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final int maxWords;

    public ScriptSplitter(int maxWords) {
        this.maxWords = maxWords;
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
        if (words(text) <= maxWords) {
            return List.of(text);
        }
        BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ROOT);
        sentences.setText(text);
        List<String> parts = new ArrayList<>();
        int partStart = 0;
        int partWords = 0;
        int start = sentences.first();
        for (int end = sentences.next(); end != BreakIterator.DONE; start = end, end = sentences.next()) {
            String sentence = text.substring(start, end);
            int sentenceWords = words(sentence);
            if (sentenceWords > maxWords) {
                throw new TooLongSentence(excerpt(sentence), sentenceWords);
            }
            if (partWords + sentenceWords > maxWords) {
                parts.add(text.substring(partStart, start).strip());
                partStart = start;
                partWords = 0;
            }
            partWords += sentenceWords;
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

        TooLongSentence(String start, int words) {
            super("a sentence of " + words + " words", null, false, false);
            this.start = start;
            this.words = words;
        }

        public String sentenceStart() {
            return start;
        }

        public int words() {
            return words;
        }
    }
}
