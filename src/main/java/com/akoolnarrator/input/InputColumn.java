package com.akoolnarrator.input;

import java.util.List;
import java.util.Locale;

/** The input CSV's known columns; any other column is passed through to the results unchanged. */
public enum InputColumn {

    ID("id"),
    TEXT("text", "input_text"),
    VOICE_ID("voice_id"),
    VOICE_URL("voice_url"),
    RATE("rate"),
    OUTPUT("output"),
    WEBHOOK_URL("webhook_url");

    private final String header;
    private final List<String> names;

    InputColumn(String header, String... aliases) {
        this.header = header;
        this.names = java.util.stream.Stream.concat(java.util.stream.Stream.of(header), java.util.stream.Stream.of(aliases)).toList();
    }

    /** The documented header name. */
    public String header() {
        return header;
    }

    /** Matches a header cell: case, surrounding spaces and separators ("Voice ID", "voice-id", "voiceId") ignored. */
    public static InputColumn byHeader(String cell) {
        String key = squash(cell);
        for (InputColumn column : values()) {
            for (String name : column.names) {
                if (squash(name).equals(key)) {
                    return column;
                }
            }
        }
        return null;
    }

    /** The known column a misspelt header most likely meant (edit distance at most 2), or null. */
    public static InputColumn nearest(String cell) {
        String key = squash(cell);
        InputColumn best = null;
        int bestDistance = 3;
        for (InputColumn column : values()) {
            for (String name : column.names) {
                int distance = EditDistance.between(key, squash(name));
                if (distance < bestDistance) {
                    bestDistance = distance;
                    best = column;
                }
            }
        }
        return best;
    }

    public static String squash(String value) {
        return value == null ? "" : value.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-.]+", "");
    }
}
