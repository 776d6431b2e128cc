package com.akoolnarrator.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import com.zaxxer.hikari.HikariDataSource;

import com.akoolnarrator.audio.AudioFindings;
import com.akoolnarrator.audio.AudioFlag;
import com.akoolnarrator.audio.AudioMeasurement;
import com.akoolnarrator.input.InputFile;
import com.akoolnarrator.input.TrackTags;
import com.akoolnarrator.job.finish.AudioReview;
import com.akoolnarrator.job.finish.SplitRows;
import com.akoolnarrator.job.validate.NarrationSpec;
import com.akoolnarrator.job.validate.ReusePolicy;
import com.akoolnarrator.job.validate.RowRecorder;
import com.akoolnarrator.job.validate.ValidatedRow;
import com.akoolnarrator.secrets.KnownSecrets;
import com.akoolnarrator.storage.DownloadedAudio;
import com.akoolnarrator.storage.OutputFolder;
import com.akoolnarrator.storage.Sha256;
import com.akoolnarrator.tags.FileTags;
import com.akoolnarrator.tags.NarratedFiles;

/**
 * The ledger on its own, on a real database: its parts over a migrated schema, without a job, an HTTP client or a
 * simulator. Each subclass names a database, so that every statement the ledger sends is run on H2 and on PostgreSQL;
 * the end-to-end tests run the job on H2 (and one full job on PostgreSQL). A statement none of the tests reaches fails
 * {@link #everyStatementOfTheLedgerRanOnThisDatabase()}: a new statement needs a test here.
 */
abstract class LedgerSliceTests {

    /** Statements sent only on the other database, or only by what a slice cannot hold (a second process, a file). */
    private static final Map<String, String> ELSEWHERE = Map.of(
            "CHECKPOINT", "H2's checkpoint: GroupCheckpointTests");

    /** Where statements are kept: the kernel's, and those of the validate step and the tag step, which it runs too. */
    private static final List<Class<?>> STATEMENTS = List.of(LedgerSql.class,
            statementsOf("com.akoolnarrator.job.validate.RowSql"), statementsOf("com.akoolnarrator.job.finish.JoinSql"),
            statementsOf("com.akoolnarrator.job.finish.ReviewSql"), FileTags.class);

    /** A whole statement, not a fragment of several (a column list). */
    private static final Pattern STATEMENT = Pattern.compile("(SELECT|INSERT|UPDATE|DELETE|MERGE|CHECKPOINT|SHUTDOWN|WITH)\\b");

    private static final SentStatements SENT = new SentStatements();
    private static final Clock CLOCK = Clock.systemUTC();
    private static HikariDataSource pool;
    private static DataSource recording;
    private static long nextRun = 1;
    private static int folders;

    @TempDir
    Path work;

    /** Starts the class's database, empty, and returns its pool. */
    static HikariDataSource start(String url, String user, String password) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(url);
        dataSource.setUsername(user);
        dataSource.setPassword(password);
        dataSource.setMaximumPoolSize(4);
        return dataSource;
    }

    static void migrate(HikariDataSource dataSource, String vendor) {
        pool = dataSource;
        recording = SENT.recording(dataSource);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration", "classpath:db/vendor/" + vendor)
            .baselineOnMigrate(true).baselineVersion("1").load().migrate();
    }

    @BeforeAll
    static void forgetWhatWasSent() {
        SENT.clear();
    }

    @AfterAll
    static void closePool() {
        if (pool != null) {
            pool.close();
        }
    }

    // ---- the ledger's parts, as LedgerConfiguration makes them ----

    private final LedgerStore store = new LedgerStore(new JdbcTemplate(recording),
            new DataSourceTransactionManager(recording), CLOCK, new KnownSecrets());
    private final RunRegistry registry = new RunRegistry(store);
    private final RowRecorder recorder = new RowRecorder(store);
    private final AkoolJobFacts facts = new AkoolJobFacts(store, new SpendingGate(1, java.time.Duration.ofMillis(10)));
    private final LedgerReaders readers = new LedgerReaders(recording, store);
    private final RunStatistics statistics = new RunStatistics(store);
    private final SplitRows splitRows = new SplitRows(store);
    private final FileTags fileTags = new FileTags(store);
    private final AudioReview review = new AudioReview(store);
    private final LearntRates learntRates = new LearntRates(store);
    private final ReusePolicy reuse = new ReusePolicy(java.time.Duration.ofDays(7), false);

    @Test
    void aRowIsFollowedFromValidationThroughAkoolToItsResultLine() throws Exception {
        Folder folder = folder();
        long run = folder.start();
        assertThat(registry.startRun(run, folder.scope, input().source(), "sha", false)).as("a restart is not a new run").isFalse();
        String longest = "x".repeat(TrackTags.MAX_VALUE);
        NarrationSpec alpha = new NarrationSpec("a", "Alpha.", "en-US-Jenny", null, "100%", null, "a.mp3", null,
                new TrackTags(longest, longest, longest, "12/12", longest)); // the most tags a row keeps: they fit
        NarrationSpec beta = spec("b", "Beta.", "b.mp3");
        folder.record(run, valid(2, alpha), valid(3, beta), ValidatedRow.invalid(4, "c", List.of("c", ""),
                "line 4, column 'text': is empty"));
        String a = alpha.narrationKey(folder.scope);
        String b = beta.narrationKey(folder.scope);

        assertThat(read(readers.pendingNarrations(run))).extracting(PendingNarration::key).containsExactly(a, b);
        assertThat(statistics.pendingWork(run)).isNotEmpty();
        assertThat(facts.beginSubmissions(List.of(a, b))).as("no Akool job yet").isEmpty();
        facts.recordAccepted(a, "akool-a", null, folder.journal());
        facts.recordAccepted(b, "akool-b", "https://akool.example/b.mp3", folder.journal());
        assertThat(facts.beginSubmission(a)).as("a second attempt finds the job").contains("akool-a");
        assertThat(read(readers.pendingNarrations(run))).as("nothing left to send").isEmpty();
        assertThat(statistics.atAkool(run).count()).isEqualTo(2);
        assertThat(statistics.charactersSubmittedSince(run, Instant.EPOCH)).isEqualTo(11);

        assertThat(readers.takeOverJobs(run, 7)).extracting(TrackedNarration::akoolId)
            .containsExactlyInAnyOrder("akool-a", "akool-b");
        assertThat(readers.takeOverJobs(run, 7)).as("followed by this execution already").isEmpty();
        assertThat(facts.recordCallback("akool-a", true, "https://akool.example/a.mp3"))
            .isEqualTo(AkoolJobFacts.CallbackOutcome.COMPLETED);
        assertThat(facts.recordCallback("akool-a", true, "https://akool.example/a.mp3"))
            .isEqualTo(AkoolJobFacts.CallbackOutcome.ALREADY_KNOWN);
        assertThat(facts.recordCallback("akool-unknown", false, null))
            .isEqualTo(AkoolJobFacts.CallbackOutcome.UNKNOWN_JOB);
        assertThat(readers.takeOverJobs(run, 8)).as("a callback hands its job back to be downloaded")
            .extracting(TrackedNarration::audioUrl).contains("https://akool.example/a.mp3");

        facts.recordDownloaded(downloaded(a, "a.mp3", 1200, Set.of()));
        facts.recordDownloaded(downloaded(b, "b.mp3", 900, Set.of(AudioFlag.TOO_QUIET)));

        RunCounts counts = statistics.counts(run);
        assertThat(counts.succeeded()).isEqualTo(2);
        assertThat(counts.invalid()).isEqualTo(1);
        assertThat(statistics.filesToListenTo(run)).isEqualTo(1);
        assertThat(statistics.invalidReasons(run, 5)).containsExactly("line 4, column 'text': is empty");
        assertThat(statistics.problems(run, 5)).extracting(RunStatistics.RowProblem::rowId).containsExactly("c");
        assertThat(statistics.lastRun(folder.scope)).contains(run);
        assertThat(statistics.lastRuns(folder.scope, 3)).containsExactly(run);
        assertThat(statistics.lexiconEffects(run)).isEmpty();
        assertThat(registry.knowsScope(folder.scope)).isTrue();

        List<ResultRow> results = read(readers.resultRows(run));
        assertThat(results).extracting(ResultRow::id).containsExactly("a", "b", "c");
        assertThat(results).extracting(ResultRow::status)
            .containsExactly(ResultRow.Status.SUCCEEDED, ResultRow.Status.SUCCEEDED, ResultRow.Status.INVALID);
        assertThat(results.get(0).akoolId()).isEqualTo("akool-a");
        assertThat(results.get(1).bytes()).isEqualTo(900);
        assertThat(results.get(1).flagged()).isTrue();

        assertThat(fileTags.untagged(run, 0, 10)).extracting(FileTags.Untagged::key).containsExactly(a, b);
        fileTags.recordTagged(List.of(new FileTags.Tagged(a, alpha.tags(), 1300, Sha256.of("tagged a")),
                new FileTags.Tagged(b, beta.tags(), 1000, Sha256.of("tagged b"))));
        assertThat(fileTags.untagged(run, 0, 10)).isEmpty();
        assertThat(read(readers.resultRows(run)).get(0).sha256()).isEqualTo(Sha256.of("tagged a"));
    }

    @Test
    void aCallbackCommittedWhileItsJobIsTakenOverHandsItOnAllTheSame() throws Exception {
        Folder folder = folder();
        long run = folder.start();
        NarrationSpec lesson = spec("l", "Lesson.", "l.mp3");
        folder.record(run, valid(2, lesson));
        String key = lesson.narrationKey(folder.scope);
        facts.recordAccepted(key, "akool-l", null, folder.journal());

        List<TrackedNarration> read = readers.notFollowed(run, 5);
        assertThat(facts.recordCallback("akool-l", true, "https://akool.example/l.mp3"))
            .as("committed between the take-over's read and its mark").isEqualTo(AkoolJobFacts.CallbackOutcome.COMPLETED);
        readers.follow(read, 5);

        assertThat(facts.recordPolledCompleted(key, "https://akool.example/l.mp3"))
            .as("the poll that finds it completed leaves it to the hand-off").isFalse();
        assertThat(readers.takeOverJobs(run, 5)).as("the hand-off: the job again, completed, to download")
            .extracting(TrackedNarration::audioUrl).containsExactly("https://akool.example/l.mp3");
        assertThat(readers.takeOverJobs(run, 5)).isEmpty();
    }

    @Test
    void aRerunKeepsWhatIsOnDiskSendsAgainWhatFailedAndForgetsTheRowsOfTheRunBefore() throws Exception {
        Folder folder = folder();
        long first = folder.start();
        NarrationSpec kept = spec("kept", "Kept.", "kept.mp3");
        NarrationSpec failed = spec("failed", "Failed.", "failed.mp3");
        NarrationSpec polled = spec("polled", "Polled.", "polled.mp3");
        NarrationSpec replaced = spec("replaced", "Replaced.", "replaced.mp3");
        folder.record(first, valid(2, kept), valid(3, failed), valid(4, polled), valid(5, replaced));
        String keptKey = kept.narrationKey(folder.scope);
        String failedKey = failed.narrationKey(folder.scope);
        String polledKey = polled.narrationKey(folder.scope);
        facts.beginSubmissions(List.of(keptKey, failedKey, polledKey));
        facts.recordAccepted(keptKey, "akool-kept", null, folder.journal());
        facts.recordAccepted(polledKey, "akool-polled", null, folder.journal());
        facts.recordCompleted(keptKey, "https://akool.example/kept.mp3");
        assertThat(facts.recordPolledCompleted(polledKey, "https://akool.example/polled.mp3")).isTrue();
        Path keptFile = Files.write(folder.root.resolve("kept.mp3"), new byte[1200]);
        facts.recordDownloaded(new DownloadedNarration(keptKey, new DownloadedAudio("kept.mp3", 1200,
                Sha256.ofFile(keptFile), 2.0), findings(Set.of())));
        String replacedKey = replaced.narrationKey(folder.scope);
        facts.beginSubmission(replacedKey);
        facts.recordAccepted(replacedKey, "akool-replaced", "https://akool.example/replaced.mp3", folder.journal());
        Path replacedFile = Files.write(folder.root.resolve("replaced.mp3"), new byte[1200]);
        facts.recordDownloaded(new DownloadedNarration(replacedKey, new DownloadedAudio("replaced.mp3", 1200,
                Sha256.ofFile(replacedFile), 2.0), findings(Set.of())));
        byte[] another = new byte[1200]; // another narration's MP3 of the same size, written over it since
        another[600] = 1;
        Files.write(replacedFile, another);
        facts.recordFailed(failedKey, "Akool failed the job", null);
        assertThat(facts.recordCallback("akool-polled", false, null))
            .as("a failure after a completion is not believed").isEqualTo(AkoolJobFacts.CallbackOutcome.ALREADY_KNOWN);

        long second = folder.start();
        folder.record(second, valid(2, kept), valid(3, failed), valid(4, polled), valid(5, replaced));

        assertThat(read(readers.pendingNarrations(second))).extracting(PendingNarration::rowId)
            .as("the MP3 on disk and the job Akool completed are kept; the failed row is sent again")
            .containsExactly("failed");
        assertThat(readers.takeOverJobs(second, 9)).extracting(TrackedNarration::rowId)
            .as("an MP3 of the recorded size but other bytes is downloaded again, with the job Akool completed")
            .containsExactlyInAnyOrder("polled", "replaced");
        assertThat(read(readers.resultRows(first))).as("the earlier run's rows are forgotten").isEmpty();
        facts.beginSubmission(failedKey);
        assertThat(read(readers.resultRows(second))).extracting(ResultRow::attempts).containsExactly(1, 2, 1, 1);
        facts.takeBackAttempts(List.of(failedKey)); // a submission that never left: the attempt is not counted
        assertThat(read(readers.resultRows(second))).extracting(ResultRow::attempts).containsExactly(1, 1, 1, 1);

        long dry = folder.startDry();
        registry.forgetRun(dry);
        assertThat(read(readers.resultRows(second))).as("a dry run forgets only itself").hasSize(4);
    }

    @Test
    void aSecondRowWithTheSameIdOrFileIsRejectedHoweverFarApart() throws Exception {
        Folder folder = folder();
        long run = folder.start();
        folder.record(run, valid(2, spec("a", "Alpha.", "a.mp3")));
        folder.record(run, valid(3, spec("a", "Again.", "other.mp3")), valid(4, spec("b", "Beta.", "a.mp3")));

        List<ResultRow> results = read(readers.resultRows(run));
        assertThat(results).extracting(ResultRow::id).containsExactly("a", "a", "b");
        assertThat(results.subList(1, 3)).extracting(ResultRow::status).containsOnly(ResultRow.Status.INVALID);
        assertThat(results.get(1).error()).contains("line 2");
        assertThat(results.get(2).error()).contains("line 2");
    }

    @Test
    void aLongScriptsPartsAreFollowedJoinedAndChapteredAndAFailedPartFailsItsRow() throws Exception {
        Folder folder = folder();
        long run = folder.start();
        NarrationSpec script = new NarrationSpec("s", "One. Two.", "en-US-Jenny", null, "100%", null, "s.mp3",
                List.of("One.", "Two."), TrackTags.NONE);
        NarrationSpec broken = new NarrationSpec("x", "Three. Four.", "en-US-Jenny", null, "100%", null, "x.mp3",
                List.of("Three.", "Four."), TrackTags.NONE);
        folder.record(run, valid(2, script), valid(3, broken));
        String key = script.narrationKey(folder.scope);
        List<PendingNarration> parts = read(readers.pendingNarrations(run));
        assertThat(parts).hasSize(4).allSatisfy(p -> assertThat(p.outputFile()).startsWith(".narrator/parts/"));
        for (PendingNarration part : parts) {
            facts.beginSubmission(part.key());
            facts.recordAccepted(part.key(), "akool-" + part.key().substring(0, 8),
                    "https://akool.example/" + part.key() + ".mp3", folder.journal());
        }
        String partOfBroken = parts.stream().filter(p -> p.rowId().equals("x")).findFirst().orElseThrow().key();
        for (PendingNarration part : parts) {
            if (part.key().equals(partOfBroken)) {
                facts.recordFailed(part.key(), "Akool failed the job", null);
            }
            else {
                facts.recordDownloaded(new DownloadedNarration(part.key(),
                        new DownloadedAudio(part.outputFile(), 500, Sha256.of(part.key()), 1.5), null));
            }
        }

        assertThat(splitRows.failRowsWithFailedParts(run)).isEqualTo(1);
        List<SplitRows.SplitNarration> ready = splitRows.readyToJoin(run);
        assertThat(ready).extracting(SplitRows.SplitNarration::rowId).containsExactly("s");
        assertThat(ready.get(0).partFiles()).hasSize(2);
        splitRows.recordJoined(key, new DownloadedAudio("s.mp3", 1000, Sha256.of("s"), 3.0), findings(Set.of()));
        assertThat(fileTags.parts(key)).extracting(FileTags.Part::seconds).containsExactly(1.5, 1.5);
        assertThat(read(readers.resultRows(run))).extracting(ResultRow::status)
            .containsExactly(ResultRow.Status.SUCCEEDED, ResultRow.Status.FAILED);

        String brokenKey = broken.narrationKey(folder.scope);
        splitRows.recordJoinFailed(brokenKey, "cannot join");
        String scriptPart = ready.get(0).partFiles().get(1);
        splitRows.recordPartNotDownloaded(key, scriptPart, "its download holds no MPEG audio frame");
        assertThat(read(readers.resultRows(run)).get(0).status()).as("joined already: a later verdict on a part is"
                + " about the part").isEqualTo(ResultRow.Status.SUCCEEDED);
        long rerun = folder.start();
        folder.record(rerun, valid(2, script), valid(3, broken));
        assertThat(read(readers.pendingNarrations(rerun))).as("only the failed part is sent again")
            .extracting(PendingNarration::key).containsExactly(partOfBroken);
    }

    @Test
    void theAudioReviewJudgesSpeakingRatesAndARejectedTakeIsSentAgain() throws Exception {
        Folder folder = folder();
        long run = folder.start();
        List<ValidatedRow> rows = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            rows.add(valid(i + 1, spec("r" + i, "Lesson number " + i + " is read at an even pace.", "r" + i + ".mp3")));
        }
        folder.record(run, rows.toArray(ValidatedRow[]::new));
        for (ValidatedRow row : rows) {
            String key = row.spec().narrationKey(folder.scope);
            facts.beginSubmission(key);
            facts.recordAccepted(key, "akool-" + row.rowId(), "https://akool.example/x", folder.journal());
            double seconds = row.rowId().equals("r6") ? 0.4 : 3.0; // r6 is far too short for its text
            facts.recordDownloaded(new DownloadedNarration(key, new DownloadedAudio(row.spec().outputFile(), 1000,
                    Sha256.of(row.rowId()), seconds), findings(seconds, Set.of())));
        }

        review.judgeSpeakingRates(run, 1.5, 5);

        List<AudioReview.FlaggedFile> flagged = review.flagged(run);
        assertThat(flagged).hasSize(1);
        assertThat(AudioFindings.of(flagged.get(0).findings()).flags()).containsExactly(AudioFlag.TOO_SHORT);
        review.reject(flagged.get(0).key(), "flagged: TOO_SHORT");
        assertThat(read(readers.resultRows(run))).filteredOn(r -> r.status() == ResultRow.Status.FAILED)
            .extracting(ResultRow::id).containsExactly("r6");
        long rerun = folder.start();
        folder.record(rerun, rows.toArray(ValidatedRow[]::new));
        assertThat(read(readers.pendingNarrations(rerun))).extracting(PendingNarration::rowId).containsExactly("r6");
    }

    @Test
    void aFolderWhoseLedgerWasLostGivesBackItsFilesAndTheJobsAkoolAcceptedMeanwhile() throws Exception {
        Folder folder = folder();
        NarrationSpec known = spec("known", "Known.", "known.mp3");
        NarrationSpec listed = spec("listed", "Listed.", "listed.mp3");
        NarrationSpec older = spec("older", "Older.", "older.mp3");
        long run = folder.start();
        folder.record(run, valid(2, known), valid(4, older));
        Path mp3 = folder.root.resolve("listed.mp3");
        Files.copy(Path.of("src/test/resources/fixtures/audio/tone48.mp3"), mp3);
        Files.copy(mp3, folder.root.resolve("older.mp3"));
        Files.writeString(folder.root.resolve("results.csv"), "id,status,file,akool_id,attempts,sha256,content_hash\n"
                + "listed,SUCCEEDED,listed.mp3,akool-listed,2," + Sha256.ofFile(mp3) + "," + listed.contentHash() + "\n"
                + "older,SUCCEEDED,older.mp3,,1," + Sha256.ofFile(mp3) + "," + older.contentHash() + "\n");
        String knownKey = known.narrationKey(folder.scope);
        facts.beginSubmission(knownKey);
        AcceptedJournal journal = folder.journal();
        journal.keep(knownKey, "akool-known", "https://akool.example/known.mp3");
        assertThat(facts.recordJournal(AcceptedJournal.of(folder.output))).isEqualTo(1);

        long rerun = folder.start();
        RowRecorder.Recorded recorded = folder.record(rerun, valid(2, known), valid(3, listed), valid(4, older));

        assertThat(recorded.fromFolderNew()).as("listed: new to the ledger").isEqualTo(1);
        assertThat(recorded.fromFolderOlder()).as("older: the ledger knew it unsent").isEqualTo(1);
        List<ResultRow> results = read(readers.resultRows(rerun));
        assertThat(results.get(1).status()).isEqualTo(ResultRow.Status.SUCCEEDED);
        assertThat(results.get(1).attempts()).isEqualTo(2);
        assertThat(results.get(1).akoolId()).isEqualTo("akool-listed");
        assertThat(results.get(2).status()).isEqualTo(ResultRow.Status.SUCCEEDED);
        assertThat(read(readers.pendingNarrations(rerun))).as("the journal's job is followed, not sent again").isEmpty();
        assertThat(readers.takeOverJobs(rerun, 3)).extracting(TrackedNarration::akoolId).containsExactly("akool-known");
    }

    @Test
    void theLearntRateIsKeptPerAkoolAddress() {
        URI akool = URI.create("https://openapi.akool.example/" + nextRun);
        assertThat(learntRates.find(akool)).isEmpty();
        learntRates.save(akool, 4.5);
        learntRates.save(akool, 6.0);
        assertThat(learntRates.find(akool)).contains(6.0);
    }

    @Test
    void everyStatementOfTheLedgerRanOnThisDatabase() throws Exception {
        aRowIsFollowedFromValidationThroughAkoolToItsResultLine();
        aRerunKeepsWhatIsOnDiskSendsAgainWhatFailedAndForgetsTheRowsOfTheRunBefore();
        aSecondRowWithTheSameIdOrFileIsRejectedHoweverFarApart();
        aLongScriptsPartsAreFollowedJoinedAndChapteredAndAFailedPartFailsItsRow();
        theAudioReviewJudgesSpeakingRatesAndARejectedTakeIsSentAgain();
        aFolderWhoseLedgerWasLostGivesBackItsFilesAndTheJobsAkoolAcceptedMeanwhile();
        theLearntRateIsKeptPerAkoolAddress();

        List<String> missed = new ArrayList<>();
        for (Class<?> statements : STATEMENTS) {
            for (Field field : statements.getDeclaredFields()) {
                if (field.getType() == String.class && Modifier.isStatic(field.getModifiers())
                        && !Modifier.isPrivate(field.getModifiers()) && !ELSEWHERE.containsKey(field.getName())) {
                    field.setAccessible(true);
                    String sql = (String) field.get(null);
                    if (STATEMENT.matcher(sql).lookingAt() && !SENT.contains(sql)) {
                        missed.add(statements.getSimpleName() + "." + field.getName());
                    }
                }
            }
        }
        assertThat(missed).as("statements of the ledger and of the features that record rows and tags, that no test of"
                + " the slice sent").isEmpty();
    }

    // ---- support ----

    private static Class<?> statementsOf(String className) {
        try {
            return Class.forName(className);
        }
        catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private Folder folder() throws IOException {
        return new Folder(Files.createDirectories(work.resolve("out-" + ++folders)), "scope-" + System.nanoTime());
    }

    private final class Folder {

        final Path root;
        final OutputFolder output;
        final String scope;

        Folder(Path root, String scope) {
            this.root = root;
            this.output = new OutputFolder(root);
            this.scope = scope;
        }

        long start() throws IOException {
            long run = nextRun++ + System.nanoTime() % 1_000_000_000L * 1000;
            assertThat(registry.startRun(run, scope, input().source(), "sha", false)).isTrue();
            return run;
        }

        long startDry() throws IOException {
            long run = nextRun++ + System.nanoTime() % 1_000_000_000L * 1000;
            assertThat(registry.startRun(run, scope, input().source(), "sha", true)).isTrue();
            return run;
        }

        RowRecorder.Recorded record(long run, ValidatedRow... rows) {
            return store.committedNow(() -> recorder.record(run, scope, List.of(rows), output, reuse,
                    new NarratedFiles(output)));
        }

        AcceptedJournal journal() throws IOException {
            Files.createDirectories(output.stateFolder());
            return AcceptedJournal.reserve(output);
        }
    }

    private InputFile input() throws IOException {
        Path csv = work.resolve("lessons.csv");
        if (!Files.exists(csv)) {
            Files.writeString(csv, "id,text,voice_id\n");
        }
        return InputFile.inspect(csv);
    }

    private static NarrationSpec spec(String id, String text, String file) {
        return new NarrationSpec(id, text, "en-US-Jenny", null, "100%", null, file, null,
                new TrackTags("Title " + id, "Course", "", "", ""));
    }

    private static ValidatedRow valid(long line, NarrationSpec spec) {
        return ValidatedRow.valid(line, List.of(spec.rowId(), spec.text(), spec.voiceId()), spec, List.of());
    }

    private static DownloadedNarration downloaded(String key, String file, long bytes, Set<AudioFlag> flags) {
        return new DownloadedNarration(key, new DownloadedAudio(file, bytes, Sha256.of(file), 2.0), findings(flags));
    }

    private static CheckedAudio findings(Set<AudioFlag> flags) {
        return findings(2.0, flags);
    }

    private static CheckedAudio findings(double seconds, Set<AudioFlag> flags) {
        return new AudioFindings(new AudioMeasurement(seconds, -20.0, -3.0, 0, 0.2, 0.5, false), 0,
                flags.isEmpty() ? EnumSet.noneOf(AudioFlag.class) : EnumSet.copyOf(flags)).asChecked();
    }

    private static <T> List<T> read(JdbcCursorItemReader<T> reader) throws Exception {
        reader.open(new ExecutionContext());
        try {
            List<T> items = new ArrayList<>();
            for (T item = reader.read(); item != null; item = reader.read()) {
                items.add(item);
            }
            return items;
        }
        finally {
            reader.close();
        }
    }
}
