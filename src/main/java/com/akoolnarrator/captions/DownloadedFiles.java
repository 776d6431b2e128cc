package com.akoolnarrator.captions;

import java.util.function.IntFunction;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.akoolnarrator.job.LinePages;
import com.akoolnarrator.ledger.AudioColumns;
import com.akoolnarrator.ledger.RowValues;

/**
 * The captions step's reader: the run's MP3s on disk, in input order, a page at a time, with what their captions are
 * made from. Every one is read on every run, so that a caption file deleted since is written again; the processor
 * passes over those whose captions are as they should be.
 */
class DownloadedFiles extends LinePages<ToCaption> {

    DownloadedFiles(JdbcClient jdbc, long runId, int page) {
        super(pages(jdbc, runId, CaptionSql::downloaded), ToCaption::line, page);
    }

    /** Pages of the run's rows that {@code sql} (given a page's size) selects, with what their captions are made from. */
    static LinePages.Page<ToCaption> pages(JdbcClient jdbc, long runId, IntFunction<String> sql) {
        return (afterLine, limit) -> jdbc.sql(sql.apply(limit)).params(runId, afterLine)
            .query((rs, i) -> new ToCaption(rs.getLong("LINE_NO"), rs.getString("NARRATION_KEY"),
                    rs.getString("OUTPUT_FILE"), RowValues.decode(rs.getString("RAW_VALUES")),
                    rs.getDouble("DURATION_SECONDS"), rs.getString("CAPTIONED"),
                    AudioColumns.checked(rs, CaptionSql.AUDIO_COLUMN)))
            .list();
    }
}
