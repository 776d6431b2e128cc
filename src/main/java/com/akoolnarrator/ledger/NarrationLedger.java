package com.akoolnarrator.ledger;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.akoolnarrator.akool.AudioJob;
import com.akoolnarrator.akool.SpeechRequest;
import com.akoolnarrator.input.InputFile;
import com.akoolnarrator.input.NarrationSpec;
import com.akoolnarrator.input.ValidatedRow;
import com.akoolnarrator.storage.DownloadedAudio;
import com.akoolnarrator.storage.OutputFolder;

/**
 * The job's memory of what Akool was asked and answered, in the job's H2 database. Every step decides from it what is
 * left to do. Facts about Akool jobs ({@code record*} methods) are committed in their own transaction the moment they
 * are known, independent of the chunk that learnt them, so that a rollback, retry or restart cannot forget that Akool
 * accepted (and billed) a request. Those that a killed process must not forget (an accepted request, the attempt
 * about to be made, a joined MP3 whose parts are about to be deleted) are also on disk before the method returns;
 * the others reach the file within H2's write delay, and forgetting them costs only a status call or a download.
 */
public class NarrationLedger {

    private static final CSVFormat RAW = CSVFormat.RFC4180.builder().setRecordSeparator("").get();

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TransactionTemplate committedNow;
    private final GroupCheckpoint durably;
    private final Clock clock;

    public NarrationLedger(JdbcTemplate jdbcTemplate, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = JdbcClient.create(jdbcTemplate);
        this.batch = jdbcTemplate;
        this.committedNow = new TransactionTemplate(transactions);
        this.committedNow.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.durably = new GroupCheckpoint(jdbc, isH2(jdbcTemplate));
        this.clock = clock;
    }

    // ---- runs and their rows (written in the validate step's chunk transactions) ----

    /**
     * Registers a run's input. A real run forgets the rows of earlier runs into the same folder (their narrations
     * stay); a dry run leaves them, so that an unfinished run can still be continued after it.
     */
    public void startRun(long runId, String scope, InputFile input, String inputSha256, boolean forgetOtherRuns) {
        boolean known = jdbc.sql("SELECT COUNT(*) FROM RUN_INPUT WHERE RUN_ID = ?").param(runId).query(Long.class).single() > 0;
        if (known) {
            return;
        }
        if (forgetOtherRuns) {
            forgetOtherRuns(runId, scope);
        }
        jdbc.sql("INSERT INTO RUN_INPUT (RUN_ID, SCOPE, INPUT_PATH, INPUT_SHA256, DELIMITER, HEADER) VALUES (?, ?, ?, ?, ?, ?)")
            .params(runId, scope, input.path().toAbsolutePath().toString(), inputSha256, String.valueOf(input.delimiter()),
                    encode(input.header().names()))
            .update();
    }

    private void forgetOtherRuns(long runId, String scope) {
        jdbc.sql("DELETE FROM RUN_ROW WHERE RUN_ID IN (SELECT RUN_ID FROM RUN_INPUT WHERE SCOPE = ? AND RUN_ID <> ?)")
            .params(scope, runId).update();
        jdbc.sql("DELETE FROM RUN_INPUT WHERE SCOPE = ? AND RUN_ID <> ?").params(scope, runId).update();
    }

    /**
     * Records a chunk of validated rows of a run, in input order: rejects a duplicate id or an output file another row
     * already uses, then makes sure each row's narration (and, for a text split into parts, each part's) exists and
     * decides whether earlier work can be reused (a downloaded MP3 still on disk, an Akool job still within its
     * retention) or must be submitted again. The chunk's lookups are one query each and its inserts one batch each,
     * not a statement per row: validating 100,000 rows is then a matter of seconds.
     *
     * @return the rows as recorded: a duplicate is INVALID with its reason
     */
    public List<ValidatedRow> recordRows(long runId, String scope, List<? extends ValidatedRow> rows, OutputFolder folder,
            Duration retention) {
        EarlierRows earlier = earlierRows(runId, rows);
        List<ValidatedRow> recorded = new ArrayList<>(rows.size());
        List<Object[]> runRows = new ArrayList<>(rows.size());
        Map<String, NarrationSpec> narrated = new LinkedHashMap<>();
        for (ValidatedRow row : rows) {
            ValidatedRow checked = row.isValid() ? earlier.check(row) : row;
            String key = null;
            String outputKey = null;
            if (checked.isValid()) {
                key = checked.spec().narrationKey(scope);
                outputKey = outputKey(checked.spec());
                narrated.put(key, checked.spec());
            }
            earlier.add(checked, outputKey);
            runRows.add(new Object[] { runId, checked.line(), checked.rowId(), key, outputKey,
                truncate(checked.invalidReason()), encode(checked.values()) });
            recorded.add(checked);
        }
        recordNarrations(scope, narrated, folder, retention);
        batch.batchUpdate("MERGE INTO RUN_ROW (RUN_ID, LINE_NO, ROW_ID, NARRATION_KEY, OUTPUT_KEY, INVALID_REASON, RAW_VALUES)"
                + " KEY (RUN_ID, LINE_NO) VALUES (?, ?, ?, ?, ?, ?, ?)", runRows);
        return recorded;
    }

    /** Where a part's MP3 waits to be joined: inside the job's own folder, never among the user's files. */
    static String partFile(String partKey) {
        return ".narrator/parts/" + partKey + ".mp3";
    }

    private static String outputKey(NarrationSpec spec) {
        return spec.outputFile().toLowerCase(Locale.ROOT);
    }

    /** The ids and output files of the run's rows recorded before a chunk's rows, and of the chunk's rows so far. */
    private EarlierRows earlierRows(long runId, List<? extends ValidatedRow> rows) {
        EarlierRows earlier = new EarlierRows();
        List<String> ids = rows.stream().filter(ValidatedRow::isValid).map(ValidatedRow::rowId).distinct().toList();
        if (!ids.isEmpty()) {
            // a join on a list (not ROW_ID IN (...), which H2 answers by scanning all the run's rows)
            jdbc.sql("SELECT R.ROW_ID, R.LINE_NO FROM TABLE(K VARCHAR = ?) L JOIN RUN_ROW R ON R.RUN_ID = ? AND R.ROW_ID = L.K")
                .params(ids.toArray(String[]::new), runId)
                .query(rs -> {
                    earlier.byId.computeIfAbsent(rs.getString(1), id -> new ArrayList<>()).add(new EarlierRow(rs.getLong(2), null));
                });
        }
        List<String> outputs = rows.stream().filter(ValidatedRow::isValid).map(row -> outputKey(row.spec())).distinct().toList();
        if (!outputs.isEmpty()) {
            jdbc.sql("SELECT R.OUTPUT_KEY, R.LINE_NO, R.ROW_ID FROM TABLE(K VARCHAR = ?) L JOIN RUN_ROW R ON R.RUN_ID = ?"
                    + " AND R.OUTPUT_KEY = L.K").params(outputs.toArray(String[]::new), runId)
                .query(rs -> {
                    earlier.byOutput.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(new EarlierRow(rs.getLong(2), rs.getString(3)));
                });
        }
        return earlier;
    }

    private record EarlierRow(long line, String rowId) {
    }

    /** Rows recorded before: an id or output file may be used by one row of the run only (the first). */
    private static final class EarlierRows {

        private final Map<String, List<EarlierRow>> byId = new HashMap<>();
        private final Map<String, List<EarlierRow>> byOutput = new HashMap<>();

        ValidatedRow check(ValidatedRow row) {
            Optional<EarlierRow> sameId = first(byId.get(row.rowId()), row.line());
            if (sameId.isPresent()) {
                return row.asInvalid("line " + row.line() + ", column 'id': '" + row.rowId() + "' is already the id of line "
                        + sameId.get().line() + ": every row needs its own id");
            }
            String file = row.spec().outputFile();
            Optional<EarlierRow> sameFile = first(byOutput.get(outputKey(row.spec())), row.line());
            if (sameFile.isPresent()) {
                return row.asInvalid("line " + row.line() + ", column 'output': the file '" + file + "' is already written by"
                        + " line " + sameFile.get().line() + " (id " + sameFile.get().rowId()
                        + "; names differing only in case collide on Windows and macOS): give this row another output path");
            }
            return row;
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

    /** Creates or refreshes the narrations of a chunk's rows: new ones in one batch, known ones one by one. */
    private void recordNarrations(String scope, Map<String, NarrationSpec> narrated, OutputFolder folder, Duration retention) {
        if (narrated.isEmpty()) {
            return;
        }
        Map<String, Map<String, Object>> existing = new HashMap<>();
        List<String> keys = List.copyOf(narrated.keySet());
        jdbc.sql("SELECT NARRATION_KEY, STATE, OUTPUT_FILE, FILE_BYTES, AUDIO_URL, SUBMITTED_AT, COMPLETED_AT FROM NARRATION"
                + " WHERE NARRATION_KEY IN (" + placeholders(keys.size()) + ")").params(keys).query().listOfRows()
            .forEach(row -> existing.put((String) row.get("NARRATION_KEY"), row));
        Timestamp now = now();
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> texts = new ArrayList<>();
        narrated.forEach((key, spec) -> {
            NarrationState state;
            if (existing.containsKey(key)) {
                state = refreshNarration(key, existing.get(key), spec, folder, retention, now);
            }
            else {
                inserts.add(narrationRow(key, key, 0, scope, spec, now));
                if (!spec.isSplit()) {
                    texts.add(new Object[] { key, spec.text() });
                }
                state = NarrationState.PENDING;
            }
            if (spec.isSplit() && state != NarrationState.DOWNLOADED) {
                for (int i = 0; i < spec.parts().size(); i++) {
                    String partKey = spec.partKey(key, i);
                    upsertNarration(partKey, key, i + 1, scope, spec.part(i, partFile(partKey)), folder, retention);
                }
            }
        });
        batch.batchUpdate(INSERT_NARRATION, inserts);
        batch.batchUpdate(INSERT_TEXT, texts);
    }

    private static final String INSERT_NARRATION = "INSERT INTO NARRATION (NARRATION_KEY, ROW_KEY, PART_NO, PARTS, SCOPE,"
            + " ROW_ID, CONTENT_HASH, TEXT_LENGTH, VOICE_ID, VOICE_URL, RATE, WEBHOOK_URL, OUTPUT_FILE, STATE, UPDATED_AT)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?)";

    private static final String INSERT_TEXT = "INSERT INTO NARRATION_TEXT (NARRATION_KEY, INPUT_TEXT) VALUES (?, ?)";

    private static Object[] narrationRow(String key, String rowKey, int partNo, String scope, NarrationSpec spec, Timestamp now) {
        return new Object[] { key, rowKey, partNo, spec.parts().size(), scope, spec.rowId(), spec.contentHash(),
            spec.text().codePointCount(0, spec.text().length()), spec.voiceId(), spec.voiceUrl(), spec.rate(),
            spec.webhookUrl(), spec.outputFile(), now };
    }

    /**
     * Creates or refreshes one narration (a part of a split row's) and returns the state it is left in. A split row's
     * own narration is never sent, so only what is sent keeps its text.
     */
    private NarrationState upsertNarration(String key, String rowKey, int partNo, String scope, NarrationSpec spec,
            OutputFolder folder, Duration retention) {
        Timestamp now = now();
        Optional<Map<String, Object>> existing = jdbc.sql("SELECT STATE, OUTPUT_FILE, FILE_BYTES, AUDIO_URL, SUBMITTED_AT,"
                + " COMPLETED_AT FROM NARRATION WHERE NARRATION_KEY = ?").param(key).query().listOfRows().stream().findFirst();
        if (existing.isEmpty()) {
            jdbc.sql(INSERT_NARRATION).params(narrationRow(key, rowKey, partNo, scope, spec, now)).update();
            if (!spec.isSplit()) {
                jdbc.sql(INSERT_TEXT).params(key, spec.text()).update();
            }
            return NarrationState.PENDING;
        }
        return refreshNarration(key, existing.get(), spec, folder, retention, now);
    }

    /** A narration known from an earlier run: what of its work can be reused, recorded; returns the state it is left in. */
    private NarrationState refreshNarration(String key, Map<String, Object> n, NarrationSpec spec, OutputFolder folder,
            Duration retention, Timestamp now) {
        NarrationState state = NarrationState.valueOf((String) n.get("STATE"));
        Instant expiredBefore = clock.instant().minus(retention);
        Instant submittedAt = instant(n.get("SUBMITTED_AT"));
        Instant completedAt = instant(n.get("COMPLETED_AT"));
        boolean akoolStillHasIt = completedAt != null ? completedAt.isAfter(expiredBefore)
                : submittedAt != null && submittedAt.isAfter(expiredBefore);
        NarrationState next = switch (state) {
            case DOWNLOADED -> {
                boolean sameFile = spec.outputFile().equals(n.get("OUTPUT_FILE"));
                if (sameFile && fileIntact(folder, spec.outputFile(), (Long) n.get("FILE_BYTES"))) {
                    yield NarrationState.DOWNLOADED;
                }
                yield akoolStillHasIt && n.get("AUDIO_URL") != null ? NarrationState.COMPLETED : NarrationState.PENDING;
            }
            case COMPLETED, SUBMITTED -> akoolStillHasIt ? state : NarrationState.PENDING;
            case FAILED, PENDING -> NarrationState.PENDING;
        };
        if (next == NarrationState.PENDING) {
            jdbc.sql("UPDATE NARRATION SET STATE = 'PENDING', AKOOL_ID = NULL, AUDIO_URL = NULL, ERROR = NULL,"
                    + " SUBMITTED_AT = NULL, COMPLETED_AT = NULL, OUTPUT_FILE = ?, WEBHOOK_URL = ?, UPDATED_AT = ? WHERE NARRATION_KEY = ?")
                .params(spec.outputFile(), spec.webhookUrl(), now, key).update();
        }
        else {
            jdbc.sql("UPDATE NARRATION SET STATE = ?, OUTPUT_FILE = ?, WEBHOOK_URL = ?, UPDATED_AT = ? WHERE NARRATION_KEY = ?")
                .params(next.name(), spec.outputFile(), spec.webhookUrl(), now, key).update();
        }
        return next;
    }

    private static boolean fileIntact(OutputFolder folder, String file, Long bytes) {
        try {
            Path path = folder.resolve(file);
            return bytes != null && Files.isRegularFile(path) && Files.size(path) == bytes;
        }
        catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    // ---- facts about Akool jobs, each committed at once ----

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
        String in = placeholders(keys.size());
        Map<String, String> known = committedNow.execute(status -> {
            List<Object> params = new ArrayList<>(keys.size() + 1);
            params.add(now());
            params.addAll(keys);
            jdbc.sql("UPDATE NARRATION SET ATTEMPTS = ATTEMPTS + 1, UPDATED_AT = ? WHERE AKOOL_ID IS NULL AND NARRATION_KEY IN ("
                    + in + ")").params(params).update();
            Map<String, String> ids = new HashMap<>();
            jdbc.sql("SELECT NARRATION_KEY, AKOOL_ID FROM NARRATION WHERE AKOOL_ID IS NOT NULL AND NARRATION_KEY IN (" + in + ")")
                .params(keys).query(rs -> {
                    ids.put(rs.getString(1), rs.getString(2));
                });
            return ids;
        });
        durably.awaitDurable();
        return known;
    }

    /** Attempts counted by {@link #beginSubmissions} whose request was never sent after all. */
    public void takeBackAttempts(List<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        String in = placeholders(keys.size());
        committedNow.executeWithoutResult(status -> jdbc.sql("UPDATE NARRATION SET ATTEMPTS = ATTEMPTS - 1 WHERE AKOOL_ID IS NULL"
                + " AND ATTEMPTS > 0 AND NARRATION_KEY IN (" + in + ")").params(keys).update());
    }

    /** {@link #beginSubmissions} for one narration, for a request sent again after a fault. */
    public Optional<String> beginSubmission(String key) {
        return Optional.ofNullable(beginSubmissions(List.of(key)).get(key));
    }

    /** Akool accepted the request: its id, and its URL if it answered completed at once; on disk when this returns. */
    public void recordAccepted(String key, AudioJob job) {
        Timestamp now = now();
        committedNow.executeWithoutResult(status -> {
            if (job.isCompleted()) {
                jdbc.sql("UPDATE NARRATION SET STATE = 'COMPLETED', AKOOL_ID = ?, AUDIO_URL = ?, SUBMITTED_AT = ?, COMPLETED_AT = ?,"
                        + " ERROR = NULL, UPDATED_AT = ? WHERE NARRATION_KEY = ?")
                    .params(job.id(), job.url(), now, now, now, key).update();
            }
            else {
                jdbc.sql("UPDATE NARRATION SET STATE = 'SUBMITTED', AKOOL_ID = ?, SUBMITTED_AT = ?, ERROR = NULL, UPDATED_AT = ?"
                        + " WHERE NARRATION_KEY = ?")
                    .params(job.id(), now, now, key).update();
            }
        });
        durably.awaitDurable();
    }

    public void recordCompleted(String key, String audioUrl) {
        Timestamp now = now();
        committedNow.executeWithoutResult(status -> jdbc.sql("UPDATE NARRATION SET STATE = 'COMPLETED', AUDIO_URL = ?,"
                + " COMPLETED_AT = ?, UPDATED_AT = ? WHERE NARRATION_KEY = ?").params(audioUrl, now, now, key).update());
    }

    public void recordFailed(String key, String reason) {
        committedNow.executeWithoutResult(status -> jdbc.sql("UPDATE NARRATION SET STATE = 'FAILED', ERROR = ?, UPDATED_AT = ?"
                + " WHERE NARRATION_KEY = ?").params(truncate(reason), now(), key).update());
    }

    /**
     * MP3s now on disk under their final names. Unlike the facts about Akool jobs this joins the caller's transaction
     * (the collect step's chunk): if that rolls back, the next run only downloads the files again, which costs nothing.
     */
    public void recordDownloaded(List<DownloadedNarration> downloads) {
        Timestamp now = now();
        for (DownloadedNarration download : downloads) {
            DownloadedAudio audio = download.audio();
            jdbc.sql("UPDATE NARRATION SET STATE = 'DOWNLOADED', OUTPUT_FILE = ?, FILE_BYTES = ?, SHA256 = ?,"
                    + " DURATION_SECONDS = ?, ERROR = NULL, UPDATED_AT = ? WHERE NARRATION_KEY = ?")
                .params(audio.file(), audio.bytes(), audio.sha256(), audio.durationSeconds(), now, download.key()).update();
        }
    }

    /** A narration's MP3 on disk. */
    public record DownloadedNarration(String key, DownloadedAudio audio) {
    }

    // ---- rows narrated in parts ----

    /** The run's split rows whose parts are all downloaded but not yet joined into the row's MP3. */
    public List<SplitNarration> readyToJoin(long runId) {
        return jdbc.sql("SELECT N.NARRATION_KEY, N.ROW_ID, N.OUTPUT_FILE FROM RUN_ROW R JOIN NARRATION N"
                + " ON N.NARRATION_KEY = R.NARRATION_KEY WHERE R.RUN_ID = ? AND N.PARTS > 1 AND N.STATE = 'PENDING'"
                + " AND NOT EXISTS (SELECT 1 FROM NARRATION P WHERE P.ROW_KEY = N.NARRATION_KEY AND P.PARTS = 1"
                + " AND P.STATE <> 'DOWNLOADED') ORDER BY R.LINE_NO")
            .param(runId)
            .query((rs, i) -> new SplitNarration(rs.getString(1), rs.getString(2), rs.getString(3), List.of()))
            .list().stream()
            .map(row -> new SplitNarration(row.key(), row.rowId(), row.outputFile(), jdbc.sql("SELECT OUTPUT_FILE FROM NARRATION"
                    + " WHERE ROW_KEY = ? AND PARTS = 1 ORDER BY PART_NO").param(row.key()).query(String.class).list()))
            .toList();
    }

    /**
     * A split row's MP3 is on disk: committed and written to disk at once, before its part files are deleted, so that a crash in between
     * costs nothing. Its attempts are the most any part needed.
     */
    public void recordJoined(String key, DownloadedAudio audio) {
        committedNow.executeWithoutResult(status -> jdbc.sql("UPDATE NARRATION SET STATE = 'DOWNLOADED', OUTPUT_FILE = ?,"
                + " FILE_BYTES = ?, SHA256 = ?, DURATION_SECONDS = ?, ERROR = NULL, UPDATED_AT = ?, ATTEMPTS ="
                + " (SELECT COALESCE(MAX(P.ATTEMPTS), 0) FROM NARRATION P WHERE P.ROW_KEY = ? AND P.PARTS = 1)"
                + " WHERE NARRATION_KEY = ?")
            .params(audio.file(), audio.bytes(), audio.sha256(), audio.durationSeconds(), now(), key, key).update());
        durably.awaitDurable();
    }

    /** Split rows of the run with a FAILED part are FAILED, with the first such part's reason; returns how many. */
    public int failSplitRowsWithFailedParts(long runId) {
        return committedNow.execute(status -> jdbc.sql("UPDATE NARRATION N SET STATE = 'FAILED', UPDATED_AT = ?,"
                + " ATTEMPTS = (SELECT COALESCE(MAX(P.ATTEMPTS), 0) FROM NARRATION P WHERE P.ROW_KEY = N.NARRATION_KEY AND P.PARTS = 1),"
                + " ERROR = (SELECT 'part ' || P.PART_NO || ' of ' || N.PARTS || ': ' || P.ERROR FROM NARRATION P"
                + " WHERE P.ROW_KEY = N.NARRATION_KEY AND P.PARTS = 1 AND P.STATE = 'FAILED' ORDER BY P.PART_NO FETCH FIRST 1 ROWS ONLY)"
                + " WHERE N.PARTS > 1 AND N.STATE = 'PENDING' AND N.NARRATION_KEY IN (SELECT NARRATION_KEY FROM RUN_ROW WHERE RUN_ID = ?)"
                + " AND EXISTS (SELECT 1 FROM NARRATION P WHERE P.ROW_KEY = N.NARRATION_KEY AND P.PARTS = 1 AND P.STATE = 'FAILED')")
            .params(now(), runId).update());
    }

    /** A row narrated in parts: its MP3 and, in order, the part files it is joined from. */
    public record SplitNarration(String key, String rowId, String outputFile, List<String> partFiles) {
    }

    // ---- what is left to do ----

    /**
     * Joins a run row R to what is sent to Akool for it, N: its narration, or each part of a split one (see schema.sql).
     */
    private static final String WORK_OF_ROW = "NARRATION N ON N.ROW_KEY = R.NARRATION_KEY AND N.PARTS = 1";

    /** Narrations of the run still in flight at Akool or waiting to be downloaded (a restart picks these up). */
    public List<TrackedNarration> inFlight(long runId) {
        return jdbc.sql("SELECT N.NARRATION_KEY, N.ROW_ID, N.AKOOL_ID, N.OUTPUT_FILE, N.TEXT_LENGTH,"
                + " N.SUBMITTED_AT, N.AUDIO_URL FROM RUN_ROW R JOIN " + WORK_OF_ROW
                + " WHERE R.RUN_ID = ? AND N.STATE IN ('SUBMITTED', 'COMPLETED') ORDER BY R.LINE_NO, N.PART_NO")
            .param(runId)
            .query((rs, i) -> new TrackedNarration(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                    rs.getInt(5), instant(rs.getTimestamp(6)), rs.getString(7)))
            .list();
    }

    /** A run row's outcome as results.csv reports it: SUCCEEDED, FAILED or INVALID (over RUN_ROW R, NARRATION N). */
    public static final String ROW_STATUS = "CASE WHEN R.INVALID_REASON IS NOT NULL THEN 'INVALID'"
            + " WHEN N.STATE = 'DOWNLOADED' THEN 'SUCCEEDED' ELSE 'FAILED' END";

    /** How many rows of the run ended in each status of {@link #ROW_STATUS}. */
    public Map<String, Long> rowCounts(long runId) {
        return jdbc.sql("SELECT STATUS, COUNT(*) FROM (SELECT " + ROW_STATUS + " AS STATUS FROM RUN_ROW R"
                + " LEFT JOIN NARRATION N ON N.NARRATION_KEY = R.NARRATION_KEY WHERE R.RUN_ID = ?) GROUP BY STATUS")
            .param(runId)
            .query((rs, i) -> Map.entry(rs.getString(1), rs.getLong(2)))
            .list().stream()
            .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /**
     * Where the run's rows stand: a count per narration state (PENDING, SUBMITTED, COMPLETED, DOWNLOADED, FAILED),
     * plus INVALID for rows rejected by validation.
     */
    public Map<String, Long> progress(long runId) {
        return jdbc.sql("SELECT STATE, COUNT(*) FROM (SELECT CASE WHEN R.INVALID_REASON IS NOT NULL THEN 'INVALID'"
                + " ELSE N.STATE END AS STATE FROM RUN_ROW R LEFT JOIN NARRATION N ON N.NARRATION_KEY = R.NARRATION_KEY"
                + " WHERE R.RUN_ID = ?) GROUP BY STATE")
            .param(runId)
            .query((rs, i) -> Map.entry(rs.getString(1), rs.getLong(2)))
            .list().stream()
            .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Characters sent to Akool for the run's rows since a moment (what this run was billed for). */
    public long charactersSubmittedSince(long runId, Instant since) {
        return jdbc.sql("SELECT COALESCE(SUM(N.TEXT_LENGTH), 0) FROM RUN_ROW R JOIN " + WORK_OF_ROW
                + " WHERE R.RUN_ID = ? AND N.SUBMITTED_AT >= ?")
            .params(runId, Timestamp.from(since)).query(Long.class).single();
    }

    /**
     * What a run would submit: per endpoint (create, clone), the rows with something still PENDING, their characters
     * still PENDING, and the requests that takes (a split row sends one per part).
     */
    public Map<String, long[]> pendingByEndpoint(long runId) {
        Map<String, long[]> pending = new TreeMap<>();
        jdbc.sql("SELECT ENDPOINT, COUNT(DISTINCT ROW_KEY), SUM(CHARS), COUNT(*) FROM (SELECT CASE WHEN N.VOICE_URL IS NULL"
                + " THEN 'create' ELSE 'clone' END AS ENDPOINT, N.ROW_KEY, N.TEXT_LENGTH AS CHARS FROM RUN_ROW R JOIN "
                + WORK_OF_ROW + " WHERE R.RUN_ID = ? AND N.STATE = 'PENDING') GROUP BY ENDPOINT")
            .param(runId)
            .query(rs -> {
                pending.put(rs.getString(1), new long[] { rs.getLong(2), rs.getLong(3), rs.getLong(4) });
            });
        return pending;
    }

    /** The run's INVALID rows, in input order, with their reasons. */
    public List<String> invalidReasons(long runId, int limit) {
        return jdbc.sql("SELECT INVALID_REASON FROM RUN_ROW WHERE RUN_ID = ? AND INVALID_REASON IS NOT NULL ORDER BY LINE_NO"
                + " FETCH FIRST " + limit + " ROWS ONLY").param(runId).query(String.class).list();
    }

    /** Forgets a run's rows (a dry run leaves nothing behind). */
    public void forgetRun(long runId) {
        jdbc.sql("DELETE FROM RUN_ROW WHERE RUN_ID = ?").param(runId).update();
        jdbc.sql("DELETE FROM RUN_INPUT WHERE RUN_ID = ?").param(runId).update();
    }

    /** A run's pending narrations, in input order, for the submit step's reader (parameter: the run id). */
    public static final String PENDING_SQL = "SELECT N.NARRATION_KEY, N.ROW_ID, T.INPUT_TEXT, N.VOICE_ID, N.VOICE_URL,"
            + " N.RATE, N.WEBHOOK_URL, N.OUTPUT_FILE FROM RUN_ROW R JOIN " + WORK_OF_ROW
            + " JOIN NARRATION_TEXT T ON T.NARRATION_KEY = N.NARRATION_KEY WHERE R.RUN_ID = ? AND N.STATE = 'PENDING'"
            + " ORDER BY R.LINE_NO, N.PART_NO";

    public static PendingNarration pending(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new PendingNarration(rs.getString("NARRATION_KEY"), rs.getString("ROW_ID"), rs.getString("OUTPUT_FILE"), new SpeechRequest(
                rs.getString("INPUT_TEXT"), rs.getString("VOICE_ID"), rs.getString("VOICE_URL"), rs.getString("RATE"),
                rs.getString("WEBHOOK_URL")), null);
    }

    // ---- helpers ----

    private static boolean isH2(JdbcTemplate jdbcTemplate) {
        return Boolean.TRUE.equals(jdbcTemplate.execute((java.sql.Connection connection) ->
                "H2".equals(connection.getMetaData().getDatabaseProductName())));
    }

    private static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    public static String encode(List<String> values) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, RAW)) {
            printer.printRecord(values);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    public static List<String> decode(String encoded) {
        try (var parser = RAW.parse(new java.io.StringReader(encoded))) {
            var records = parser.getRecords();
            return records.isEmpty() ? List.of() : records.get(0).toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private static Instant instant(Object value) {
        return value instanceof Timestamp ts ? ts.toInstant() : null;
    }

    private static String truncate(String value) {
        return value == null || value.length() <= 4000 ? value : value.substring(0, 3997) + "...";
    }
}
