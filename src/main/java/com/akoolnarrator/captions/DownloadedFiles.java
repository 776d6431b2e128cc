package com.akoolnarrator.captions;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.springframework.batch.infrastructure.item.ItemReader;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.akoolnarrator.ledger.AudioColumns;
import com.akoolnarrator.ledger.RowValues;

/**
 * The captions step's reader: the run's MP3s on disk, in input order, a page at a time after the last line read, with
 * what their captions are made from. Every one is read on every run, so that a caption file deleted since is written
 * again; the processor passes over those whose captions are as they should be.
 */
class DownloadedFiles implements ItemReader<ToCaption> {

    private final JdbcClient jdbc;
    private final long runId;
    private final int page;
    private final Deque<ToCaption> read = new ArrayDeque<>();
    private long afterLine;
    private boolean exhausted;

    DownloadedFiles(JdbcClient jdbc, long runId, int page) {
        this.jdbc = jdbc;
        this.runId = runId;
        this.page = page;
    }

    @Override
    public ToCaption read() {
        if (read.isEmpty() && !exhausted) {
            List<ToCaption> next = jdbc.sql(CaptionSql.downloaded(page)).params(runId, afterLine)
                .query((rs, i) -> new ToCaption(rs.getLong("LINE_NO"), rs.getString("NARRATION_KEY"),
                        rs.getString("OUTPUT_FILE"), RowValues.decode(rs.getString("RAW_VALUES")),
                        rs.getDouble("DURATION_SECONDS"), rs.getString("CAPTIONED"),
                        AudioColumns.checked(rs, CaptionSql.AUDIO_COLUMN)))
                .list();
            exhausted = next.size() < page;
            if (!next.isEmpty()) {
                afterLine = next.get(next.size() - 1).line();
                read.addAll(next);
            }
        }
        return read.poll();
    }
}
