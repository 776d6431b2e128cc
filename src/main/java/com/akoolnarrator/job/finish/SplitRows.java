package com.akoolnarrator.job.finish;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.akoolnarrator.ledger.AudioColumns;
import com.akoolnarrator.ledger.CheckedAudio;
import com.akoolnarrator.ledger.LedgerStore;
import com.akoolnarrator.storage.DownloadedAudio;
import com.akoolnarrator.storage.RecordedFile;

/** Rows narrated in parts: which can be joined, the joined MP3, and rows whose part failed. */
class SplitRows {

    private final LedgerStore store;
    private final JdbcClient jdbc;

    public SplitRows(LedgerStore store) {
        this.store = store;
        this.jdbc = store.jdbc();
    }

    /** The run's split rows whose parts are all downloaded but not yet joined into the row's MP3. */
    public List<SplitNarration> readyToJoin(long runId) {
        return jdbc.sql(JoinSql.READY_TO_JOIN).param(runId)
            .query((rs, i) -> new SplitNarration(rs.getString(1), rs.getString(2), rs.getString(3), List.of()))
            .list().stream()
            .map(row -> new SplitNarration(row.key(), row.rowId(), row.outputFile(),
                    jdbc.sql(JoinSql.PART_FILES).param(row.key()).query((rs, n) -> new PartFile(rs.getString(1),
                            rs.getObject(2) == null ? null : new RecordedFile(rs.getLong(2), rs.getString(3)),
                            rs.getDouble(4))).list()))
            .toList();
    }

    /**
     * A split row's MP3 is on disk: committed and written to disk at once, before its part files are deleted, so that
     * a crash in between costs nothing. Its attempts are the most any part needed.
     */
    public void recordJoined(String key, DownloadedAudio audio, CheckedAudio findings) {
        store.committedNow(() -> jdbc.sql(JoinSql.JOINED)
            .params(audio.file(), audio.bytes(), audio.sha256(), audio.durationSeconds())
            .params(AudioColumns.parameters(findings))
            .params(store.now(), key).update());
        store.awaitDurable();
    }

    /**
     * One part of a row cannot be joined as it is (no audio in its download, or not the file downloaded): it is FAILED,
     * to be downloaded again by the next run while Akool keeps it, and so is its row ({@link #failRowsWithFailedParts}),
     * naming it.
     */
    public void recordPartNotDownloaded(String key, String partFile, String reason) {
        store.committedNow(() -> jdbc.sql(JoinSql.PART_NOT_DOWNLOADED).params(store.reason(reason), store.now(), key,
                partFile).update());
    }

    /** The parts could not be joined: they stay on disk and DOWNLOADED, so a rerun joins them again for free. */
    public void recordJoinFailed(String key, String reason) {
        store.committedNow(() -> jdbc.sql(JoinSql.JOIN_FAILED).params(store.reason(reason), store.now(), key).update());
    }

    /** Split rows of the run with a FAILED part are FAILED, with the first such part's reason; returns how many. */
    public int failRowsWithFailedParts(long runId) {
        return store.committedNow(() -> jdbc.sql(JoinSql.FAIL_ROWS_WITH_FAILED_PARTS).params(store.now(), runId).update());
    }

    /** A row narrated in parts: its MP3 and, in order, the part files it is joined from. */
    public record SplitNarration(String key, String rowId, String outputFile, List<PartFile> parts) {

        /** The parts' files, in order. */
        public List<String> partFiles() {
            return parts.stream().map(PartFile::file).toList();
        }
    }

    /**
     * A part's file, as its download was recorded (null before it was), with the playing time its download measured:
     * 0 for a download that held no MPEG audio frame.
     */
    public record PartFile(String file, RecordedFile recorded, double seconds) {
    }
}
