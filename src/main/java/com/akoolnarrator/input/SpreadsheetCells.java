package com.akoolnarrator.input;

/**
 * Cells of the CSV files the job writes for people (results.csv, the review's export) that a spreadsheet would run as
 * a formula: written with a leading apostrophe ({@code narrator.neutralise-formulas}), and read back without it.
 */
public final class SpreadsheetCells {

    /** What a spreadsheet takes for the start of a formula. */
    private static final String FORMULA_START = "=+-@\t\r";

    private SpreadsheetCells() {
    }

    /** {@code value} as a cell no spreadsheet runs: a leading apostrophe before a formula's first character. */
    public static String neutralised(String value) {
        return !value.isEmpty() && FORMULA_START.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    /** A cell as it was before {@link #neutralised} protected it. */
    public static String restored(String cell) {
        return cell.length() > 1 && cell.charAt(0) == '\'' && FORMULA_START.indexOf(cell.charAt(1)) >= 0
                ? cell.substring(1) : cell;
    }
}
