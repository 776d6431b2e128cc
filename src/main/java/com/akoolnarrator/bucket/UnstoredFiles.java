package com.akoolnarrator.bucket;

import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.akoolnarrator.job.LinePages;

/** The store step's reader: the run's MP3s that the bucket does not hold as the ledger has them, in input order. */
class UnstoredFiles extends LinePages<ToStore> {

    UnstoredFiles(JdbcClient jdbc, long runId, int page) {
        super(pages(jdbc, runId, StoreSql::unstored), ToStore::line, page);
    }

    /** Pages of the run's rows that {@code sql} (given a page's size) selects, with what their objects carry. */
    static LinePages.Page<ToStore> pages(JdbcClient jdbc, long runId, IntFunction<String> sql) {
        return (afterLine, limit) -> jdbc.sql(sql.apply(limit)).params(runId, afterLine)
            .query((rs, i) -> new ToStore(rs.getLong("LINE_NO"), rs.getString("NARRATION_KEY"), rs.getString("OUTPUT_FILE"),
                    rs.getString("SHA256"), rs.getString("CONTENT_HASH"), rs.getString("AKOOL_ID"), rs.getInt("ATTEMPTS"),
                    rs.getString("TAGGED"), (Double) rs.getObject("DURATION_SECONDS", Double.class),
                    captions(rs.getString("CAPTIONS"))))
            .list();
    }

    private static List<String> captions(String names) {
        return names == null || names.isBlank() ? List.of() : Arrays.asList(names.strip().split(" "));
    }
}
