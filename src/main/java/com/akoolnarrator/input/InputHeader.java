package com.akoolnarrator.input;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The header row, understood: where each known column is, and which columns pass through to the results.
 *
 * @param names       the header cells as written (trimmed)
 * @param columns     index of each known column present
 * @param passThrough indexes of the other columns, in file order
 */
public record InputHeader(List<String> names, Map<InputColumn, Integer> columns, List<Integer> passThrough) {

    public static InputHeader parse(List<String> cells) {
        List<String> names = cells.stream().map(c -> c == null ? "" : c.strip()).toList();
        Map<InputColumn, Integer> columns = new EnumMap<>(InputColumn.class);
        List<Integer> passThrough = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            InputColumn column = InputColumn.byHeader(names.get(i));
            if (column == null) {
                passThrough.add(i);
            }
            else if (columns.putIfAbsent(column, i) != null) {
                problems.add("the header names column '" + column.header() + "' twice (columns "
                        + (columns.get(column) + 1) + " and " + (i + 1) + "): keep one");
            }
        }
        for (InputColumn required : List.of(InputColumn.ID, InputColumn.TEXT)) {
            if (!columns.containsKey(required)) {
                problems.add(missing(required, names, passThrough));
            }
        }
        if (!columns.containsKey(InputColumn.VOICE_ID) && !columns.containsKey(InputColumn.VOICE_URL)) {
            problems.add("the header has neither a 'voice_id' nor a 'voice_url' column: add one (a voice id from the"
                    + " 'voices' command, or the URL of a voice sample to clone)" + hint(names, passThrough,
                            InputColumn.VOICE_ID, InputColumn.VOICE_URL));
        }
        if (!problems.isEmpty()) {
            throw new InputFileException("line 1 (header): " + String.join("; ", problems)
                    + ". The header found was: " + String.join(", ", names));
        }
        return new InputHeader(names, Collections.unmodifiableMap(columns), List.copyOf(passThrough));
    }

    private static String missing(InputColumn required, List<String> names, List<Integer> passThrough) {
        return "required column '" + required.header() + "' is missing" + hint(names, passThrough, required);
    }

    private static String hint(List<String> names, List<Integer> passThrough, InputColumn... wanted) {
        for (int index : passThrough) {
            InputColumn near = InputColumn.nearest(names.get(index));
            for (InputColumn w : wanted) {
                if (near == w) {
                    return " (did you mean '" + w.header() + "' for the column headed '" + names.get(index) + "'?)";
                }
            }
        }
        return "";
    }

    public List<String> passThroughNames() {
        return passThrough.stream().map(names::get).toList();
    }

    public boolean has(InputColumn column) {
        return columns.containsKey(column);
    }

    /** The cell of a known column, or "" when the column is absent or the row is short. */
    public String cell(List<String> values, InputColumn column) {
        return cell(values, columns.get(column));
    }

    /** The cell at {@code index}, or "" when there is no such column ({@code null}, negative) or the row is short. */
    public static String cell(List<String> values, Integer index) {
        return index == null || index < 0 || index >= values.size() || values.get(index) == null ? "" : values.get(index);
    }

    /** Where a column of this name is, matched as known columns are (case and separators aside), or -1. */
    public int indexOf(String name) {
        for (int i = 0; i < names.size(); i++) {
            if (InputColumn.squash(names.get(i)).equals(InputColumn.squash(name))) {
                return i;
            }
        }
        return -1;
    }
}
