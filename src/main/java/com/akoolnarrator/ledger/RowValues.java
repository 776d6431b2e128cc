package com.akoolnarrator.ledger;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** A row's cells kept in one column, as one CSV record: the input's header and each row's values. */
public final class RowValues {

    private static final CSVFormat RAW = CSVFormat.RFC4180.builder().setRecordSeparator("").get();
    /** What a column of encoded values holds (see the tables in db/migration/V2__ledger_tables.sql). */
    static final int COLUMN_CHARACTERS = 1_000_000;
    /** How much of an over-long cell is kept when a row does not fit its column (it is INVALID then). */
    private static final int KEPT_OF_LONG_CELL = 1_000;

    private RowValues() {
    }

    static String encode(List<String> values) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, RAW)) {
            printer.printRecord(values);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * {@link #encode}, with every cell over a thousand characters cut short (and saying so) when the whole row would
     * not fit its column: only a row rejected for its length is that long, and it must still be recorded.
     */
    public static String encodeToFit(List<String> values) {
        String encoded = encode(values);
        if (encoded.length() <= COLUMN_CHARACTERS) {
            return encoded;
        }
        return encode(values.stream().map(cell -> cell.length() <= KEPT_OF_LONG_CELL ? cell
                : cell.substring(0, KEPT_OF_LONG_CELL) + "... [cut: " + cell.length() + " characters in the input]").toList());
    }

    public static List<String> decode(String encoded) {
        try (var parser = RAW.parse(new StringReader(encoded))) {
            var records = parser.getRecords();
            return records.isEmpty() ? List.of() : records.get(0).toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
