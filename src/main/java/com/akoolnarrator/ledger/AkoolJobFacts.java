package com.akoolnarrator.ledger;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.akoolnarrator.akool.AudioJob;
import com.akoolnarrator.storage.DownloadedAudio;

/**
 * What Akool was asked and answered, each fact committed in its own transaction the moment it is known, independent of
 * the chunk that learnt it, so that a rollback, retry or restart cannot forget that Akool accepted (and billed) a
 * request. Those a killed process must not forget (an accepted request, the attempt about to be made) are also on disk
 * before the method returns; the others reach the file within H2's write delay, and forgetting them costs only a status
 * call or a download.
 */
public class AkoolJobFacts {

    private final LedgerStore store;
    private final JdbcClient jdbc;

    AkoolJobFacts(LedgerStore store) {
        this.store = store;
        this.jdbc = store.jdbc();
    }

    /**
     * The guard against submitting narrations twice, for a batch about to be sent, in one durable transaction: the
     * Akool job id already recorded for any of them (then nothing may be sent for it); for the others the attempt
     * about to be made is counted, so that a crash in the middle of a request still shows it.
     *
     * @return the keys that already have an Akool job, with its id
     */
    public Map<String, String> beginSubmissions(List<String> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        Map<String, String> known = store.committedNow(() -> {
            List<Object> params = new ArrayList<>(keys.size() + 1);
            params.add(store.now());
            params.addAll(keys);
            jdbc.sql(LedgerSql.countAttempts(keys.size())).params(params).update();
            Map<String, String> ids = new HashMap<>();
            jdbc.sql(LedgerSql.knownAkoolIds(keys.size())).params(keys).query(rs -> {
                ids.put(rs.getString(1), rs.getString(2));
            });
            return ids;
        });
        store.awaitDurable();
        return known;
    }

    /** {@link #beginSubmissions} for one narration, for a request sent again after a fault. */
    public Optional<String> beginSubmission(String key) {
        return Optional.ofNullable(beginSubmissions(List.of(key)).get(key));
    }

    /** Attempts counted by {@link #beginSubmissions} whose request was never sent after all. */
    public void takeBackAttempts(List<String> keys) {
        if (!keys.isEmpty()) {
            store.committedNow(() -> jdbc.sql(LedgerSql.takeBackAttempts(keys.size())).params(keys).update());
        }
    }

    /** Akool accepted the request: its id, and its URL if it answered completed at once; on disk when this returns. */
    public void recordAccepted(String key, AudioJob job) {
        Timestamp now = store.now();
        store.committedNow(() -> {
            if (job.isCompleted()) {
                jdbc.sql(LedgerSql.ACCEPTED_COMPLETED).params(job.id(), job.url(), now, now, now, key).update();
            }
            else {
                jdbc.sql(LedgerSql.ACCEPTED).params(job.id(), now, now, key).update();
            }
        });
        store.awaitDurable();
    }

    public void recordCompleted(String key, String audioUrl) {
        Timestamp now = store.now();
        store.committedNow(() -> jdbc.sql(LedgerSql.COMPLETED).params(audioUrl, now, now, key).update());
    }

    public void recordFailed(String key, String reason) {
        recordFailed(key, reason, null);
    }

    /** The narration FAILED; a {@code kind} tells the next run not to submit it again as it would other failures. */
    public void recordFailed(String key, String reason, FailureKind kind) {
        store.committedNow(() -> jdbc.sql(LedgerSql.FAILED)
            .params(kind == null ? null : kind.name(), store.reason(reason), store.now(), key).update());
    }

    /**
     * MP3s now on disk under their final names. Unlike the facts about Akool jobs this joins the caller's transaction
     * (the collect step's chunk): if that rolls back, the next run only downloads the files again, which costs nothing.
     */
    public void recordDownloaded(List<? extends DownloadedNarration> downloads) {
        Timestamp now = store.now();
        for (DownloadedNarration download : downloads) {
            DownloadedAudio audio = download.audio();
            jdbc.sql(LedgerSql.DOWNLOADED)
                .params(audio.file(), audio.bytes(), audio.sha256(), audio.durationSeconds(), now, download.key()).update();
        }
    }
}
