package com.akoolnarrator.job.validate;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.akoolnarrator.job.validate.ReusePolicy.KnownNarration;
import com.akoolnarrator.ledger.FailureKind;
import com.akoolnarrator.ledger.LedgerStore;
import com.akoolnarrator.ledger.LexiconUses;
import com.akoolnarrator.ledger.NarrationState;
import com.akoolnarrator.ledger.RowValues;
import com.akoolnarrator.lexicon.Substitution;
import com.akoolnarrator.storage.RecordedFile;
import com.akoolnarrator.tags.NarratedFiles;

/**
 * Records a run's validated rows in the ledger, in the validate step's chunk transactions: each valid row points at its
 * narration (created, or refreshed by the {@link ReusePolicy} when an earlier run knew it, or taken from the folder),
 * each invalid one carries why.
 */
class RowRecorder {

    private static final Logger log = LoggerFactory.getLogger("narrator");

    /** ROW_ID's size: a valid row's id is at most that long, an INVALID row's is cut to it. */
    private static final int MAX_ROW_ID = 1024;
    /** AKOOL_ID's size. */
    private static final int MAX_AKOOL_ID = 64;

    private final LedgerStore store;
    private final JdbcClient jdbc;

    public RowRecorder(LedgerStore store) {
        this.store = store;
        this.jdbc = store.jdbc();
    }

    /**
     * Records a chunk of validated rows of a run, in input order: rejects a duplicate id or an output file another row
     * already uses, then makes sure each row's narration (and, for a text split into parts, each part's) exists and
     * decides whether earlier work can be reused or must be submitted again. The chunk's lookups are one query each
     * and its inserts one batch each, not a statement per row: validating 100,000 rows is then a matter of seconds.
     *
     * <p>
     * A narration the ledger does not have as downloaded, but whose MP3 the folder shows it holds ({@link NarratedFiles}),
     * is taken from the folder, not submitted again.
     *
     * @return how many narrations were taken from the folder
     */
    public Recorded record(long runId, String scope, List<? extends ValidatedRow> rows, ReusePolicy reuse,
            NarratedFiles folderShows) {
        EarlierRows earlier = EarlierRows.of(jdbc, runId, rows);
        List<Object[]> runRows = new ArrayList<>(rows.size());
        Map<String, NarrationSpec> narrated = new LinkedHashMap<>();
        for (ValidatedRow row : rows) {
            ValidatedRow checked = row.isValid() ? earlier.conflict(row).map(c -> c.rejected(row)).orElse(row) : row;
            String key = null;
            String outputKey = null;
            if (checked.isValid()) {
                key = checked.spec().narrationKey(scope);
                outputKey = EarlierRows.outputKey(checked.spec());
                narrated.put(key, checked.spec());
            }
            earlier.add(checked, outputKey);
            runRows.add(new Object[] { runId, checked.line(), LedgerStore.truncate(checked.rowId(), MAX_ROW_ID), key,
                outputKey, store.reason(checked.invalidReason()),
                RowValues.encodeToFit(checked.values()), LexiconUses.encode(lexiconUses(checked.lexicon())) });
        }
        Narrations narrations = new Narrations(scope, reuse, folderShows);
        narrations.record(narrated);
        store.batchUpdates().batchUpdate(RowSql.MERGE_RUN_ROW, runRows);
        return new Recorded(narrations.newToLedger, narrations.olderInLedger);
    }

    /**
     * What recording a chunk of rows took from the output folder.
     *
     * @param fromFolderNew   narrations taken from the folder that the ledger did not know at all
     * @param fromFolderOlder narrations taken from the folder that the ledger knew in an earlier state (not downloaded):
     *                        the job database is older than the folder
     */
    public record Recorded(int fromFolderNew, int fromFolderOlder) {
    }

    private static List<LexiconUses.Use> lexiconUses(List<Substitution.Use> uses) {
        return uses.stream().map(use -> new LexiconUses.Use(use.entry().term(), use.count(), use.characters())).toList();
    }

    /** Where a part's MP3 waits to be joined: inside the job's own folder, never among the user's files. */
    static String partFile(String partKey) {
        return ".narrator/parts/" + partKey + ".mp3";
    }

    /** The narrations of a chunk's rows, created or refreshed. */
    private final class Narrations {

        private final String scope;
        private final ReusePolicy reuse;
        private final NarratedFiles folderShows;
        private final Timestamp now = store.now();
        private final List<Object[]> inserts = new ArrayList<>();
        private final List<Object[]> texts = new ArrayList<>();
        private final List<Object[]> recovered = new ArrayList<>();
        private int expired;
        private int notAsRecorded;
        private int audioRejected;
        private int newToLedger;
        private int olderInLedger;

        Narrations(String scope, ReusePolicy reuse, NarratedFiles folderShows) {
            this.scope = scope;
            this.reuse = reuse;
            this.folderShows = folderShows;
        }

        /** New narrations in one batch, known ones refreshed one by one; then the parts of split rows the same way. */
        void record(Map<String, NarrationSpec> narrated) {
            if (narrated.isEmpty()) {
                return;
            }
            Map<String, KnownNarration> known = known(narrated.keySet());
            Map<String, Part> parts = new LinkedHashMap<>();
            narrated.forEach((key, spec) -> {
                NarrationState state = known.containsKey(key) ? refresh(key, known.get(key), spec) : insertOrRecover(key, spec);
                if (spec.isSplit() && state != NarrationState.DOWNLOADED) {
                    for (int i = 0; i < spec.parts().size(); i++) {
                        String partKey = spec.partKey(key, i);
                        parts.put(partKey, new Part(key, i + 1, spec.part(i, partFile(partKey))));
                    }
                }
            });
            Map<String, KnownNarration> knownParts = known(parts.keySet());
            parts.forEach((key, part) -> {
                if (knownParts.containsKey(key)) {
                    refresh(key, knownParts.get(key), part.spec());
                }
                else {
                    insert(key, part.rowKey(), part.partNo(), part.spec());
                }
            });
            store.batchUpdates().batchUpdate(RowSql.INSERT_NARRATION, inserts);
            store.batchUpdates().batchUpdate(RowSql.INSERT_TEXT, texts);
            store.batchUpdates().batchUpdate(RowSql.RECOVERED, recovered);
            if (audioRejected > 0) {
                log.warn("{} rows whose audio was flagged in an earlier run (narrator.audio.flagged-rows=fail) are"
                        + " narrated again, and paid for again", audioRejected);
            }
            if (notAsRecorded > 0) {
                log.warn("{} rows' MP3s are not on disk as the job database recorded them (missing, changed, cut short or"
                        + " another narration's): downloaded again while Akool keeps them, else narrated again",
                        notAsRecorded);
            }
            if (expired > 0) {
                log.warn("{} rows are submitted again: Akool no longer keeps their results (narrator.result-retention) and"
                        + " their MP3s are not on disk", expired);
            }
        }

        private record Part(String rowKey, int partNo, NarrationSpec spec) {
        }

        private Map<String, KnownNarration> known(Collection<String> keys) {
            Map<String, KnownNarration> known = new HashMap<>();
            if (keys.isEmpty()) {
                return known;
            }
            jdbc.sql(RowSql.knownNarrations(keys.size())).params(List.copyOf(keys)).query(rs -> {
                String kind = rs.getString("FAILURE_KIND");
                known.put(rs.getString("NARRATION_KEY"), new KnownNarration(NarrationState.valueOf(rs.getString("STATE")),
                        kind == null ? null : FailureKind.valueOf(kind), rs.getString("OUTPUT_FILE"),
                        (Long) rs.getObject("FILE_BYTES", Long.class), rs.getString("SHA256"), rs.getString("AUDIO_URL"),
                        LedgerStore.instant(rs.getTimestamp("SUBMITTED_AT")), LedgerStore.instant(rs.getTimestamp("COMPLETED_AT")),
                        rs.getString("AKOOL_ID"), rs.getInt("TAKE"), "REDO".equals(rs.getString("REVIEW")),
                        rs.getString("STORED")));
            });
            return known;
        }

        /** A narration the ledger does not know: taken from the folder when its MP3 is there, else new. */
        private NarrationState insertOrRecover(String key, NarrationSpec spec) {
            insert(key, key, 0, spec);
            Optional<NarratedFiles.Found> found = folderShows.find(spec.rowId(), spec.outputFile(), spec.contentHash());
            if (found.isEmpty()) {
                return NarrationState.PENDING;
            }
            newToLedger++;
            return recover(key, spec, found.get());
        }

        /** The narration is DOWNLOADED as the folder shows it (its Akool id kept when it is one job's, as it fits). */
        private NarrationState recover(String key, NarrationSpec spec, NarratedFiles.Found found) {
            String akoolId = spec.isSplit() || found.akoolIds() == null || found.akoolIds().length() > MAX_AKOOL_ID ? null
                    : found.akoolIds();
            recovered.add(new Object[] { akoolId, found.bytes(), found.sha256(), found.durationSeconds(), found.attempts(),
                found.taggedWith(), spec.outputFile(), spec.webhookUrl(), spec.tags().encode(), now, key });
            return NarrationState.DOWNLOADED;
        }

        /** A new narration, PENDING; a split row's own narration is never sent, so only what is sent keeps its text. */
        private NarrationState insert(String key, String rowKey, int partNo, NarrationSpec spec) {
            inserts.add(new Object[] { key, rowKey, partNo, spec.parts().size(), scope, spec.rowId(), spec.contentHash(),
                spec.text().codePointCount(0, spec.text().length()), spec.voiceId(), spec.voiceUrl(), spec.rate(),
                spec.webhookUrl(), spec.outputFile(), spec.tags().encode(), now });
            if (!spec.isSplit()) {
                texts.add(new Object[] { key, spec.text() });
            }
            return NarrationState.PENDING;
        }

        /** A narration known from an earlier run: what of its work can be reused, recorded. */
        private NarrationState refresh(String key, KnownNarration known, NarrationSpec spec) {
            NarrationState next = reuse.next(known, spec.outputFile(),
                    () -> fileIntact(spec.outputFile(), known), store.instant());
            if (next != NarrationState.DOWNLOADED) {
                if (known.stored() != null) {
                    jdbc.sql(RowSql.NOT_STORED).param(key).update(); // its object is gone: stored again once downloaded
                }
                if (known.state() == NarrationState.DOWNLOADED && spec.outputFile().equals(known.outputFile())) {
                    notAsRecorded++; // the same file was asked for, and is not as recorded
                }
                Optional<NarratedFiles.Found> found = folderShows.find(spec.rowId(), spec.outputFile(), spec.contentHash())
                    .filter(file -> known.sha256() == null || known.sha256().strip().equals(file.sha256()));
                if (found.isPresent() && reuse.mayTakeFromFolder(known, next, found.get().akoolIds())) {
                    olderInLedger++;
                    jdbc.sql(RowSql.PARTS_NOT_NEEDED).params(now, key).update();
                    return recover(key, spec, found.get());
                }
            }
            if (next == NarrationState.PENDING) {
                boolean resultExpired = known.submittedAt() != null && (known.state() != NarrationState.FAILED
                        || known.failureKind() == FailureKind.NOT_DOWNLOADED || known.failureKind() == FailureKind.TIMED_OUT);
                expired += resultExpired ? 1 : 0;
                audioRejected += known.failureKind() == FailureKind.AUDIO_REJECTED ? 1 : 0;
                jdbc.sql(RowSql.RESUBMIT).params(spec.outputFile(), spec.webhookUrl(), spec.tags().encode(), now, key)
                    .update();
            }
            else {
                FailureKind kind = next == NarrationState.FAILED ? known.failureKind() : null;
                jdbc.sql(RowSql.REUSE).params(next.name(), kind == null ? null : kind.name(), spec.outputFile(),
                        spec.webhookUrl(), spec.tags().encode(), now, key).update();
            }
            return next;
        }

        /** Whether the output holds the narration's MP3 as the ledger recorded it: its size and its bytes. */
        private boolean fileIntact(String file, KnownNarration known) {
            return known.fileBytes() != null
                    && folderShows.holds(file, new RecordedFile(known.fileBytes(), known.sha256()), known.stored());
        }
    }
}
