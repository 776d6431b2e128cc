package com.akoolnarrator.ledger;

import java.util.ArrayList;
import java.util.List;

/**
 * The lexicon's entries that changed a row's text, as RUN_ROW.LEXICON keeps them: term, times and characters of each,
 * in one CSV record.
 */
public final class LexiconUses {

    private LexiconUses() {
    }

    /** What one entry did to a row: the term, how often it was replaced, how many characters that was. */
    public record Use(String term, int count, int characters) {
    }

    public static String encode(List<Use> uses) {
        if (uses.isEmpty()) {
            return null;
        }
        List<String> cells = new ArrayList<>(uses.size() * 3);
        for (Use use : uses) {
            cells.add(use.term());
            cells.add(Integer.toString(use.count()));
            cells.add(Integer.toString(use.characters()));
        }
        return LedgerStore.truncate(RowValues.encode(cells), 100_000);
    }

    static List<Use> decode(String encoded) {
        if (encoded == null || encoded.isEmpty()) {
            return List.of();
        }
        List<String> cells = RowValues.decode(encoded);
        List<Use> uses = new ArrayList<>(cells.size() / 3);
        for (int i = 0; i + 2 < cells.size(); i += 3) {
            uses.add(new Use(cells.get(i), parse(cells.get(i + 1)), parse(cells.get(i + 2))));
        }
        return uses;
    }

    /** For results.csv: {@code SQL x2; Akool x1}. */
    static String describe(String encoded) {
        List<Use> uses = decode(encoded);
        return uses.isEmpty() ? null : String.join("; ", uses.stream().map(use -> use.term() + " x" + use.count()).toList());
    }

    private static int parse(String cell) {
        try {
            return Integer.parseInt(cell);
        }
        catch (NumberFormatException e) {
            return 0; // a record cut to fit its column
        }
    }
}
