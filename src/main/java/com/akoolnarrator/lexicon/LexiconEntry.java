package com.akoolnarrator.lexicon;

/**
 * One line of a lexicon: {@code term} is said as {@code say}.
 *
 * @param wholeWord only where the term stands as a word of its own (not inside a longer word)
 * @param matchCase only where the text has the term's exact case
 * @param line      the line of the lexicon file it was read from
 */
public record LexiconEntry(String term, String say, boolean wholeWord, boolean matchCase, long line) {
}
