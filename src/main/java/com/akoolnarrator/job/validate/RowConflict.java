package com.akoolnarrator.job.validate;

/**
 * A valid row that clashes with an earlier row of the same run, as the ledger found it: the same id, or the same output
 * file (compared without case, as Windows and macOS do).
 *
 * @param earlierLine  the line of the row that came first, and keeps its id or file
 * @param earlierRowId that row's id
 */
record RowConflict(Kind kind, long earlierLine, String earlierRowId) {

    public enum Kind { SAME_ID, SAME_OUTPUT }

    /** The row, INVALID with the conflict in words: which column, which line came first, what to do. */
    public ValidatedRow rejected(ValidatedRow row) {
        return row.asInvalid(switch (kind) {
            case SAME_ID -> "line " + row.line() + ", column 'id': '" + row.rowId() + "' is already the id of line "
                    + earlierLine + ": every row needs its own id";
            case SAME_OUTPUT -> "line " + row.line() + ", column 'output': the file '" + row.spec().outputFile()
                    + "' is already written by line " + earlierLine + " (id " + earlierRowId
                    + "; names differing only in case collide on Windows and macOS): give this row another output path";
        });
    }
}
