package com.akoolnarrator.job.validate;

import java.util.List;

import com.akoolnarrator.lexicon.Substitution;

/**
 * An input record after validation: either a {@link NarrationSpec} to narrate, or the reason it is INVALID.
 *
 * @param rowId  the row's id as written (may be blank for an invalid row)
 * @param values  the row's cells as read, kept for the results' pass-through columns and for failed.csv
 * @param lexicon the lexicon's entries that changed the row's text
 */
record ValidatedRow(long line, String rowId, List<String> values, NarrationSpec spec, String invalidReason,
        List<Substitution.Use> lexicon) {

    public ValidatedRow {
        lexicon = lexicon == null ? List.of() : List.copyOf(lexicon);
    }

    public static ValidatedRow valid(long line, List<String> values, NarrationSpec spec, List<Substitution.Use> lexicon) {
        return new ValidatedRow(line, spec.rowId(), values, spec, null, lexicon);
    }

    public static ValidatedRow invalid(long line, String rowId, List<String> values, String reason) {
        return new ValidatedRow(line, rowId, values, null, reason, List.of());
    }

    public boolean isValid() {
        return invalidReason == null;
    }

    public ValidatedRow asInvalid(String reason) {
        return invalid(line, rowId, values, reason);
    }
}
