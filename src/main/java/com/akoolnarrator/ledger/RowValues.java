package com.akoolnarrator.ledger;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** A row's cells kept in one column, as one CSV record: the input's header and each row's values. */
final class RowValues {

    private static final CSVFormat RAW = CSVFormat.RFC4180.builder().setRecordSeparator("").get();

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

    static List<String> decode(String encoded) {
        try (var parser = RAW.parse(new StringReader(encoded))) {
            var records = parser.getRecords();
            return records.isEmpty() ? List.of() : records.get(0).toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
