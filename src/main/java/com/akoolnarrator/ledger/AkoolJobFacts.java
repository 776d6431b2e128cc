package com.akoolnarrator.ledger;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.akoolnarrator.storage.DownloadedAudio;

/**
 * What Akool was asked and answered, each fact committed in its own transaction the moment it is known, independent of
 * the chunk that learnt it, so that a rollback, retry or restart cannot forget that Akool accepted (and billed) a
 * request. Those a killed process must not forget (an accepted request, the attempt about to be made) are also on disk
 * before the method returns; the others reach the file within H2's write delay, and forgetting them costs only a status
 * call or a download.
 */
public class AkoolJobFacts {

    private static final Logger log = LoggerFactory.getLogger("narrator");

    private final LedgerStore store;
    private final JdbcClient jdbc;
    private final SpendingGate gate;

    AkoolJobFacts(LedgerStore store, SpendingGate gate) {
        this.store = store;
        this.jdbc = store.jdbc();
        this.gate = gate;
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
        return gate.write(() -> {
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
        }, () -> { }, "nothing more was sent to Akool; run the same command again once it is back: what Akool"
                + " accepted before is in the ledger, and nothing is paid twice");
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

    /**
     * Akool accepted the request: its id, and its URL ({@code completedUrl}) if it answered completed at once, else null;
     * on disk when this returns. While
     * the job database cannot take it, no other request is sent, the job waits in the {@code journal}, and the write
     * is tried again ({@link SpendingGate}).
     */
    public void recordAccepted(String key, String akoolId, String completedUrl, AcceptedJournal journal) {
        gate.write(() -> {
            Timestamp now = store.now();
            store.committedNow(() -> {
                if (completedUrl != null) {
                    jdbc.sql(LedgerSql.ACCEPTED_COMPLETED).params(akoolId, completedUrl, now, now, now, key).update();
                }
                else {
                    jdbc.sql(LedgerSql.ACCEPTED).params(akoolId, now, now, key).update();
                }
            });
            store.awaitDurable();
            return null;
        }, () -> journal.keep(key, akoolId, completedUrl), "the jobs Akool accepted meanwhile are kept in " + journal.file() + "; run the"
                + " same command again once it is back: it records them before anything else, and nothing is paid twice");
    }

    /**
     * Records the jobs an earlier run kept in the journal because the job database could not take them, before this
     * run does anything else; then the journal is forgotten.
     *
     * @return how many it held
     */
    public int recordJournal(AcceptedJournal journal) {
        List<AcceptedJournal.Entry> entries = journal.entries();
        if (entries.isEmpty()) {
            return 0;
        }
        Timestamp now = store.now();
        store.committedNow(() -> store.batchUpdates().batchUpdate(LedgerSql.JOURNALED, entries.stream()
            .map(e -> new Object[] { e.audioUrl(), e.audioUrl(), e.akoolId(), now, now, e.key() }).toList()));
        store.awaitDurable();
        journal.forget();
        log.info("Recorded {} Akool jobs that the last run could not write to the job database (from {}): they are"
                + " followed, not submitted again", entries.size(), journal.file());
        return entries.size();
    }

    /**
     * A status call found the job completed: recorded unless a callback recorded it first (then false, and the collect
     * step takes it over from the callback's record).
     */
    public boolean recordPolledCompleted(String key, String audioUrl) {
        Timestamp now = store.now();
        return store.committedNow(() -> jdbc.sql(LedgerSql.POLLED_COMPLETED).params(audioUrl, now, now, key).update()) > 0;
    }

    public void recordCompleted(String key, String audioUrl) {
        Timestamp now = store.now();
        store.committedNow(() -> jdbc.sql(LedgerSql.COMPLETED).params(audioUrl, now, now, key).update());
    }

    /** What a verified callback from Akool did to the ledger. */
    public enum CallbackOutcome {
        /** the job is COMPLETED now, with the callback's URL */
        COMPLETED,
        /** the job failed at Akool: it is handed to the collect step again, to learn why */
        FAILURE_TO_CONFIRM,
        /** the ledger knew the job's end already (a duplicate, a late callback, or a poll was first) */
        ALREADY_KNOWN,
        /** no narration has this Akool job id */
        UNKNOWN_JOB
    }

    /**
     * A callback Akool signed, for job {@code akoolId}, completed (with its {@code audioUrl}) or failed: committed when this returns, whatever
     * process follows the job (this run's collect step, or a later run that finds it completed).
     */
    public CallbackOutcome recordCallback(String akoolId, boolean completed, String audioUrl) {
        Timestamp now = store.now();
        return store.committedNow(() -> {
            int changed = completed
                    ? jdbc.sql(LedgerSql.CALLED_BACK_COMPLETED).params(audioUrl, now, now, akoolId).update()
                    : jdbc.sql(LedgerSql.CALLED_BACK_FAILED).params(now, akoolId).update();
            if (changed > 0) {
                return completed ? CallbackOutcome.COMPLETED : CallbackOutcome.FAILURE_TO_CONFIRM;
            }
            long known = jdbc.sql(LedgerSql.AKOOL_ID_KNOWN).param(akoolId).query(Long.class).single();
            return known > 0 ? CallbackOutcome.ALREADY_KNOWN : CallbackOutcome.UNKNOWN_JOB;
        });
    }

    /** The narration FAILED; a {@code kind} tells the next run not to submit it again as it would other failures. */
    public void recordFailed(String key, String reason, FailureKind kind) {
        store.committedNow(() -> jdbc.sql(LedgerSql.FAILED)
            .params(kind == null ? null : kind.name(), store.reason(reason), store.now(), key).update());
    }

    /**
     * An MP3 now on disk under its final name, committed at once. Should the write be lost, the next run only downloads
     * the file again, which costs nothing: it needs no durable write of its own.
     */
    public void recordDownloaded(DownloadedNarration download) {
        DownloadedAudio audio = download.audio();
        Timestamp now = store.now();
        store.committedNow(() -> jdbc.sql(LedgerSql.DOWNLOADED)
            .params(audio.file(), audio.bytes(), audio.sha256(), audio.durationSeconds())
            .params(AudioColumns.parameters(download.findings()))
            .params(now, download.key()).update());
    }
}
