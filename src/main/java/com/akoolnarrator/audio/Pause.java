package com.akoolnarrator.audio;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A stretch without speech of at least {@link #MIN_SECONDS}, found by the audio check in its 50 ms windows: where a
 * reader breathes between sentences (and, shorter, at commas), and the silence before the first word and after the
 * last. The captions place each sentence at one.
 */
public record Pause(double start, double end) {

    /** Three windows: shorter gaps fall between words. */
    public static final double MIN_SECONDS = 0.15;

    /** {@code 0.00-0.35 2.10-2.60 ...}: how the ledger keeps a file's pauses. */
    public static String encode(List<Pause> pauses) {
        StringBuilder text = new StringBuilder(pauses.size() * 12);
        for (Pause pause : pauses) {
            if (!text.isEmpty()) {
                text.append(' ');
            }
            text.append(String.format(Locale.ROOT, "%.2f-%.2f", pause.start, pause.end));
        }
        return text.toString();
    }

    /** The pauses {@link #encode} wrote; none for null or blank. */
    public static List<Pause> decode(String text) {
        List<Pause> pauses = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return pauses;
        }
        for (String pause : text.strip().split(" ")) {
            int dash = pause.indexOf('-', 1);
            pauses.add(new Pause(Double.parseDouble(pause.substring(0, dash)), Double.parseDouble(pause.substring(dash + 1))));
        }
        return pauses;
    }
}
