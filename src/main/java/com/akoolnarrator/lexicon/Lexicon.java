package com.akoolnarrator.lexicon;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Terms and how to say them, applied to a text in one pass: at each place the longest entry that matches there (by
 * its case and word rules) is replaced, and the replacement is not read again. Matching walks a trie of the terms'
 * lower-cased characters, so a row costs its length times the longest term, however many entries there are.
 */
public final class Lexicon {

    public static final Lexicon NONE = new Lexicon(List.of(), null);

    private final List<LexiconEntry> entries;
    private final String sha256;
    private final Node root = new Node();

    /** @param sha256 the lexicon file's checksum: a run is identified by it with its input; null without a lexicon */
    public Lexicon(List<LexiconEntry> entries, String sha256) {
        this.entries = List.copyOf(entries);
        this.sha256 = sha256;
        for (LexiconEntry entry : entries) {
            Node node = root;
            for (int i = 0; i < entry.term().length(); i++) {
                node = node.children.computeIfAbsent(Character.toLowerCase(entry.term().charAt(i)), c -> new Node());
            }
            // at one place, a term written in its own case wins over a caseless one
            node.ending.add(entry.matchCase() ? 0 : node.ending.size(), entry);
        }
    }

    public List<LexiconEntry> entries() {
        return entries;
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The checksum of the file it was read from, or null when there is no lexicon. */
    public String sha256() {
        return sha256;
    }

    public Substitution apply(String text) {
        if (entries.isEmpty()) {
            return new Substitution(text, List.of());
        }
        StringBuilder out = null;
        Map<LexiconEntry, int[]> uses = new LinkedHashMap<>();
        int copiedUpTo = 0;
        int i = 0;
        while (i < text.length()) {
            LexiconEntry match = longestAt(text, i);
            if (match == null) {
                i++;
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length() + 64);
            }
            out.append(text, copiedUpTo, i).append(match.say());
            int[] use = uses.computeIfAbsent(match, e -> new int[2]);
            use[0]++;
            use[1] += match.term().length();
            i += match.term().length();
            copiedUpTo = i;
        }
        if (out == null) {
            return new Substitution(text, List.of());
        }
        out.append(text, copiedUpTo, text.length());
        List<Substitution.Use> used = new ArrayList<>(uses.size());
        uses.forEach((entry, use) -> used.add(new Substitution.Use(entry, use[0], use[1])));
        return new Substitution(out.toString(), used);
    }

    private LexiconEntry longestAt(String text, int start) {
        Node node = root;
        LexiconEntry longest = null;
        for (int j = start; j < text.length(); j++) {
            node = node.children.get(Character.toLowerCase(text.charAt(j)));
            if (node == null) {
                break;
            }
            for (LexiconEntry entry : node.ending) {
                if (matches(entry, text, start)) {
                    longest = entry;
                    break;
                }
            }
        }
        return longest;
    }

    private static boolean matches(LexiconEntry entry, String text, int start) {
        int end = start + entry.term().length();
        if (entry.matchCase() && !text.regionMatches(start, entry.term(), 0, entry.term().length())) {
            return false;
        }
        return !entry.wholeWord() || (!wordCharacterAt(text, start - 1) && !wordCharacterAt(text, end));
    }

    private static boolean wordCharacterAt(String text, int index) {
        if (index < 0 || index >= text.length()) {
            return false;
        }
        char c = text.charAt(index);
        return Character.isLetterOrDigit(c) || c == '_' || Character.getType(c) == Character.NON_SPACING_MARK;
    }

    private static final class Node {
        private final Map<Character, Node> children = new HashMap<>(4);
        private final List<LexiconEntry> ending = new ArrayList<>(1);
    }
}
