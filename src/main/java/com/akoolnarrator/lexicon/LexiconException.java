package com.akoolnarrator.lexicon;

/** A lexicon file that cannot be used: one line saying where and what to fix (exit 2, nothing sent). */
public class LexiconException extends RuntimeException {

    public LexiconException(String message) {
        super(message, null, false, false);
    }
}
