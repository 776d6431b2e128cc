package com.akoolnarrator.captions;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.akoolnarrator.input.Sentences;

/**
 * The captions' texts of a text as written: one per sentence (the job's one rule for sentences), a sentence longer
 * than {@link #MAX_CHARACTERS} cut at its commas into pieces of about that length, so that a cue fits two lines of a
 * player.
 */
final class CueTexts {

    /** Two lines of 42 characters, the common limit for a caption on screen. */
    static final int MAX_CHARACTERS = 84;

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private CueTexts() {
    }

    /** A cue's text, and whether a sentence starts with it (a piece cut at a comma does not). */
    record CueText(String text, boolean startsSentence) {

        /** How long it takes to say, relative to the others: its letters, digits and marks. */
        int weight() {
            return Math.max(1, (int) text.codePoints().filter(c -> !Character.isWhitespace(c)).count());
        }
    }

    static List<CueText> of(String written) {
        List<CueText> texts = new ArrayList<>();
        for (String sentence : Sentences.of(written)) {
            String flat = WHITESPACE.matcher(sentence).replaceAll(" ");
            boolean first = true;
            for (String piece : pieces(flat)) {
                texts.add(new CueText(piece, first));
                first = false;
            }
        }
        return texts;
    }

    /** The sentence whole when it fits, else cut after commas into pieces as close to the limit as they can be. */
    private static List<String> pieces(String sentence) {
        if (sentence.length() <= MAX_CHARACTERS) {
            return List.of(sentence);
        }
        List<String> pieces = new ArrayList<>();
        StringBuilder piece = new StringBuilder();
        for (String clause : sentence.split("(?<=,) ")) {
            if (!piece.isEmpty() && piece.length() + 1 + clause.length() > MAX_CHARACTERS) {
                pieces.add(piece.toString());
                piece.setLength(0);
            }
            piece.append(piece.isEmpty() ? "" : " ").append(clause);
        }
        pieces.add(piece.toString());
        return pieces;
    }
}
