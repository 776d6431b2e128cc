package com.akoolnarrator.job.validate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;


/**
 * The ids and output files of a run's rows recorded before a chunk, and of the chunk's rows so far: an id or an output
 * file may be used by one row of the run only, the first.
 */
final class EarlierRows {

    private record EarlierRow(long line, String rowId) {
    }

    private final Map<String, List<EarlierRow>> byId = new HashMap<>();
    private final Map<String, List<EarlierRow>> byOutput = new HashMap<>();

    /** The earlier rows that share an id or an output file with the chunk's valid rows: one query each. */
    static EarlierRows of(JdbcClient jdbc, long runId, List<? extends ValidatedRow> rows) {
        EarlierRows earlier = new EarlierRows();
        List<String> ids = rows.stream().filter(ValidatedRow::isValid).map(ValidatedRow::rowId).distinct().toList();
        if (!ids.isEmpty()) {
            jdbc.sql(RowSql.ROWS_WITH_IDS).params(ids.toArray(String[]::new), runId)
                .query(rs -> {
                    earlier.byId.computeIfAbsent(rs.getString(1), id -> new ArrayList<>())
                        .add(new EarlierRow(rs.getLong(2), null));
                });
        }
        List<String> outputs = rows.stream().filter(ValidatedRow::isValid).map(row -> outputKey(row.spec())).distinct()
            .toList();
        if (!outputs.isEmpty()) {
            jdbc.sql(RowSql.ROWS_WITH_OUTPUTS).params(outputs.toArray(String[]::new), runId)
                .query(rs -> {
                    earlier.byOutput.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(new EarlierRow(rs.getLong(2), rs.getString(3)));
                });
        }
        return earlier;
    }

    /** How output files are compared: without case, as Windows and macOS name files. */
    static String outputKey(NarrationSpec spec) {
        return spec.outputFile().toLowerCase(Locale.ROOT);
    }

    Optional<RowConflict> conflict(ValidatedRow row) {
        Optional<EarlierRow> sameId = first(byId.get(row.rowId()), row.line());
        if (sameId.isPresent()) {
            return Optional.of(new RowConflict(RowConflict.Kind.SAME_ID, sameId.get().line(), row.rowId()));
        }
        return first(byOutput.get(outputKey(row.spec())), row.line())
            .map(same -> new RowConflict(RowConflict.Kind.SAME_OUTPUT, same.line(), same.rowId()));
    }

    void add(ValidatedRow row, String outputKey) {
        if (row.rowId() != null) {
            byId.computeIfAbsent(row.rowId(), id -> new ArrayList<>()).add(new EarlierRow(row.line(), null));
        }
        if (outputKey != null) {
            byOutput.computeIfAbsent(outputKey, k -> new ArrayList<>()).add(new EarlierRow(row.line(), row.rowId()));
        }
    }

    private static Optional<EarlierRow> first(List<EarlierRow> rows, long otherThan) {
        return rows == null ? Optional.empty()
                : rows.stream().filter(r -> r.line() != otherThan).min(Comparator.comparingLong(EarlierRow::line));
    }
}
