package com.akoolnarrator.input;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where a text's sentences end, by one rule for the whole job (the JDK's sentence {@link BreakIterator}): the long-script
 * splitter cuts a text only there, and the captions give each sentence its cue.
 */
public final class Sentences {

    private Sentences() {
    }

    /** Each sentence's start and end in {@code text}, in order, covering it whole (spaces go with the sentence before). */
    public static List<int[]> bounds(String text) {
        BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ROOT);
        sentences.setText(text);
        List<int[]> bounds = new ArrayList<>();
        int start = sentences.first();
        for (int end = sentences.next(); end != BreakIterator.DONE; start = end, end = sentences.next()) {
            bounds.add(new int[] { start, end });
        }
        return bounds;
    }

    /** The sentences of {@code text}, each without its surrounding spaces; none blank. */
    public static List<String> of(String text) {
        List<String> sentences = new ArrayList<>();
        for (int[] bound : bounds(text)) {
            String sentence = text.substring(bound[0], bound[1]).strip();
            if (!sentence.isEmpty()) {
                sentences.add(sentence);
            }
        }
        return sentences;
    }
}
