package com.akoolnarrator.input;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The tags a row's MP3 carries from its columns; an empty field is left out of the file. Not part of what is
 * narrated: a change here re-tags the file, it never narrates it again.
 */
public record TrackTags(String title, String album, String artist, String track, String comment) {

    public static final TrackTags NONE = new TrackTags("", "", "", "", "");

    /** Separates the fields in the ledger's one column: a unit separator never stands in a CSV cell a person typed. */
    private static final String SEPARATOR = "\u001F";

    /**
     * The most characters one tag keeps: the five, with their separators, fit the ledger's TAGS and TAGGED columns
     * (20,000 characters), and a player shows far less. A longer cell is cut here, on a character's boundary (and stripped again).
     */
    public static final int MAX_VALUE = 3_990;

    public TrackTags {
        title = clean(title);
        album = clean(album);
        artist = clean(artist);
        track = clean(track);
        comment = clean(comment);
    }

    /** The fields in one string, as the ledger keeps what a file should carry and what it does carry. */
    public String encode() {
        return isEmpty() ? "" : String.join(SEPARATOR, title, album, artist, track, comment);
    }

    public static TrackTags decode(String encoded) {
        if (encoded == null || encoded.isEmpty()) {
            return NONE;
        }
        List<String> fields = new ArrayList<>(Arrays.asList(encoded.split(SEPARATOR, -1)));
        while (fields.size() < 5) {
            fields.add("");
        }
        return new TrackTags(fields.get(0), fields.get(1), fields.get(2), fields.get(3), fields.get(4));
    }

    public boolean isEmpty() {
        return Stream.of(title, album, artist, track, comment).allMatch(String::isEmpty);
    }

    /** Whether any of these values is longer than a tag keeps. */
    public static boolean cuts(String... values) {
        return Stream.of(values).anyMatch(value -> value != null && value.strip().length() > MAX_VALUE);
    }

    private static String clean(String value) {
        String cleaned = value == null ? "" : value.strip().replace(SEPARATOR, " ").replace("\u0000", "");
        if (cleaned.length() <= MAX_VALUE) {
            return cleaned;
        }
        int end = Character.isHighSurrogate(cleaned.charAt(MAX_VALUE - 1)) ? MAX_VALUE - 1 : MAX_VALUE;
        return cleaned.substring(0, end).strip();
    }
}
