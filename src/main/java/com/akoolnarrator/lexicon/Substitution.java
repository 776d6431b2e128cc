package com.akoolnarrator.lexicon;

import java.util.List;

/**
 * A text after the lexicon: what is sent to Akool, and which entries changed it, in the order they first applied.
 */
public record Substitution(String text, List<Use> uses) {

    /** An entry that applied {@code count} times, replacing {@code characters} characters of the text. */
    public record Use(LexiconEntry entry, int count, int characters) {
    }

    public boolean changed() {
        return !uses.isEmpty();
    }
}
