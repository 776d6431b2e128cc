package com.akoolnarrator.ledger;

import static com.akoolnarrator.job.validate.SliceRows.invalid;
import static com.akoolnarrator.job.validate.SliceRows.row;
import static com.akoolnarrator.ledger.LedgerSlice.checked;
import static com.akoolnarrator.ledger.LedgerSlice.read;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

import com.akoolnarrator.input.TrackTags;
import com.akoolnarrator.job.validate.SliceRows;
import com.akoolnarrator.storage.DownloadedAudio;
import com.akoolnarrator.storage.Sha256;

/**
 * The ledger kernel on its own, on a real database: what was asked of Akool and what it answered, the runs and their
 * rows, over a migrated schema, without a job, an HTTP client or a simulator; on H2 and on PostgreSQL. The end-to-end
 * tests run the job on H2 (and one full job on PostgreSQL). A statement of {@link LedgerSql} none of the tests reaches
 * fails {@link #everyStatementOfTheKernelRanOnThisDatabase()}: a new statement needs a test here. The features that keep
 * statements of their own test them the same way, beside them.
 */
@ParameterizedClass
@ValueSource(strings = { SliceDatabase.H2, SliceDatabase.POSTGRESQL })
class LedgerSliceTests extends SliceTestSupport {

    private final RunStatistics statistics;

    LedgerSliceTests(String vendor, @TempDir Path work) {
        super(vendor, work);
        this.statistics = slice.statistics();
    }

    @Test
    void aRowIsFollowedFromValidationThroughAkoolToItsResultLine() throws Exception {
        LedgerSlice.Folder folder = slice.folder();
        long run = folder.start();
        assertThat(slice.registry().startRun(run, folder.scope(), folder.input().source(), "sha", false))
            .as("a restart is not a new run").isFalse();
        String longest = "x".repeat(TrackTags.MAX_VALUE);
        SliceRows.Row alpha = row(2, "a", "Alpha.", "a.mp3", new TrackTags(longest, longest, longest, "12/12", longest));
        SliceRows.Row beta = row(3, "b", "Beta.", "b.mp3"); // above: the most tags a row keeps, which fit
        rows.record(folder, run, alpha, beta, invalid(4, "c", "line 4, column 'text': is empty"));
        String a = alpha.key(folder);
        String b = beta.key(folder);

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

        facts.recordDownloaded(downloaded(a, "a.mp3", 1200, ""));
        facts.recordDownloaded(downloaded(b, "b.mp3", 900, "TOO_QUIET"));

        RunCounts counts = statistics.counts(run);
        assertThat(counts.succeeded()).isEqualTo(2);
        assertThat(counts.invalid()).isEqualTo(1);
        assertThat(statistics.filesToListenTo(run)).isEqualTo(1);
        assertThat(statistics.invalidReasons(run, 5)).containsExactly("line 4, column 'text': is empty");
        assertThat(statistics.problems(run, 5)).extracting(RunStatistics.RowProblem::rowId).containsExactly("c");
        assertThat(statistics.lastRun(folder.scope())).contains(run);
        assertThat(statistics.lastRuns(folder.scope(), 3)).containsExactly(run);
        assertThat(statistics.lexiconEffects(run)).isEmpty();
        assertThat(slice.registry().knowsScope(folder.scope())).isTrue();

        List<ResultRow> results = read(readers.resultRows(run));
        assertThat(results).extracting(ResultRow::id).containsExactly("a", "b", "c");
        assertThat(results).extracting(ResultRow::status)
            .containsExactly(ResultRow.Status.SUCCEEDED, ResultRow.Status.SUCCEEDED, ResultRow.Status.INVALID);
        assertThat(results.get(0).akoolId()).isEqualTo("akool-a");
        assertThat(results.get(1).bytes()).isEqualTo(900);
        assertThat(results.get(1).flagged()).isTrue();
    }

    @Test
    void aCallbackCommittedWhileItsJobIsTakenOverHandsItOnAllTheSame() throws Exception {
        LedgerSlice.Folder folder = slice.folder();
        long run = folder.start();
        SliceRows.Row lesson = row(2, "l", "Lesson.", "l.mp3");
        rows.record(folder, run, lesson);
        String key = lesson.key(folder);
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
    void aPolledJobIsRecordedCompletedOrFailedAsAkoolAnswered() throws Exception {
        LedgerSlice.Folder folder = slice.folder();
        long run = folder.start();
        SliceRows.Row done = row(2, "done", "Done.", "done.mp3");
        SliceRows.Row refused = row(3, "refused", "Refused.", "refused.mp3");
        rows.record(folder, run, done, refused);
        facts.recordAccepted(done.key(folder), "akool-done", null, folder.journal());
        facts.recordAccepted(refused.key(folder), "akool-refused", null, folder.journal());

        facts.recordCompleted(done.key(folder), "https://akool.example/done.mp3");
        facts.recordFailed(refused.key(folder), "Akool failed the job", null);

        assertThat(readers.takeOverJobs(run, 4)).extracting(TrackedNarration::audioUrl)
            .containsExactly("https://akool.example/done.mp3");
        assertThat(read(readers.resultRows(run)).get(1)).satisfies(row -> {
            assertThat(row.status()).isEqualTo(ResultRow.Status.FAILED);
            assertThat(row.error()).isEqualTo("Akool failed the job");
        });
    }

    @Test
    void anAttemptIsCountedWhenASubmissionBeginsAndTakenBackWhenItNeverLeft() throws Exception {
        LedgerSlice.Folder folder = slice.folder();
        long run = folder.start();
        SliceRows.Row lesson = row(2, "l", "Lesson.", "l.mp3");
        rows.record(folder, run, lesson);
        String key = lesson.key(folder);

        facts.beginSubmission(key);
        facts.beginSubmission(key);
        assertThat(read(readers.resultRows(run))).extracting(ResultRow::attempts).containsExactly(2);
        facts.takeBackAttempts(List.of(key)); // a submission that never left: the attempt is not counted
        assertThat(read(readers.resultRows(run))).extracting(ResultRow::attempts).containsExactly(1);

        long dry = folder.startDry();
        rows.record(folder, dry, lesson);
        slice.registry().forgetRun(dry);
        assertThat(read(readers.resultRows(dry))).as("a dry run's rows are forgotten").isEmpty();
        assertThat(read(readers.resultRows(run))).as("and only its own").hasSize(1);
    }

    @Test
    void theAcceptedJobsJournalIsReadBackIntoTheLedger() throws Exception {
        LedgerSlice.Folder folder = slice.folder();
        long run = folder.start();
        SliceRows.Row known = row(2, "known", "Known.", "known.mp3");
        rows.record(folder, run, known);
        facts.beginSubmission(known.key(folder));
        folder.journalOnly(known.key(folder), "akool-known", "https://akool.example/known.mp3");

        assertThat(facts.recordJournal(AcceptedJournal.of(folder.output()))).isEqualTo(1);

        assertThat(read(readers.pendingNarrations(run))).as("the journal's job is followed, not sent again").isEmpty();
        assertThat(readers.takeOverJobs(run, 3)).extracting(TrackedNarration::akoolId).containsExactly("akool-known");
    }

    @Test
    void theLearntRateIsKeptPerAkoolAddress() {
        URI akool = URI.create("https://openapi.akool.example/" + System.nanoTime());
        assertThat(slice.learntRates().find(akool)).isEmpty();
        slice.learntRates().save(akool, 4.5);
        slice.learntRates().save(akool, 6.0);
        assertThat(slice.learntRates().find(akool)).contains(6.0);
    }

    @Test
    void everyStatementOfTheKernelRanOnThisDatabase() throws Exception {
        aRowIsFollowedFromValidationThroughAkoolToItsResultLine();
        aCallbackCommittedWhileItsJobIsTakenOverHandsItOnAllTheSame();
        aPolledJobIsRecordedCompletedOrFailedAsAkoolAnswered();
        anAttemptIsCountedWhenASubmissionBeginsAndTakenBackWhenItNeverLeft();
        theAcceptedJobsJournalIsReadBackIntoTheLedger();
        theLearntRateIsKeptPerAkoolAddress();

        assertThat(database.unsent(LedgerSql.class, "CHECKPOINT")).as("the kernel's statements no test of the slice"
                + " sent (H2's CHECKPOINT: GroupCheckpointTests)").isEmpty();
    }

    private static DownloadedNarration downloaded(String key, String file, long bytes, String flags) {
        return new DownloadedNarration(key, new DownloadedAudio(file, bytes, Sha256.of(file), 2.0), checked(2.0, flags));
    }
}
