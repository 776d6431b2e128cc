package com.akoolnarrator.job.validate;

import static com.akoolnarrator.job.validate.SliceRows.row;
import static com.akoolnarrator.ledger.LedgerSlice.checked;
import static com.akoolnarrator.ledger.LedgerSlice.read;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

import com.akoolnarrator.ledger.AcceptedJournal;
import com.akoolnarrator.ledger.AkoolJobFacts;
import com.akoolnarrator.ledger.DownloadedNarration;
import com.akoolnarrator.ledger.LedgerSlice;
import com.akoolnarrator.ledger.PendingNarration;
import com.akoolnarrator.ledger.ResultRow;
import com.akoolnarrator.ledger.SliceDatabase;
import com.akoolnarrator.ledger.SliceTestSupport;
import com.akoolnarrator.ledger.TrackedNarration;
import com.akoolnarrator.storage.DownloadedAudio;
import com.akoolnarrator.storage.Sha256;

/**
 * How the validate step records a run's rows in the ledger ({@link RowRecorder} and its {@link RowSql}), on H2 and on
 * PostgreSQL: what a rerun reuses and what it sends again, duplicates rejected across chunks, and a folder whose
 * ledger was lost read back from its files.
 */
@ParameterizedClass
@ValueSource(strings = { SliceDatabase.H2, SliceDatabase.POSTGRESQL })
class RowRecordingSliceTests extends SliceTestSupport {


    RowRecordingSliceTests(String vendor, @TempDir Path work) {
        super(vendor, work);
    }

    @Test
    void aRerunKeepsWhatIsOnDiskSendsAgainWhatFailedAndForgetsTheRowsOfTheRunBefore() throws Exception {
        LedgerSlice.Folder folder = slice.folder();
        long first = folder.start();
        SliceRows.Row kept = row(2, "kept", "Kept.", "kept.mp3");
        SliceRows.Row failed = row(3, "failed", "Failed.", "failed.mp3");
        SliceRows.Row polled = row(4, "polled", "Polled.", "polled.mp3");
        SliceRows.Row replaced = row(5, "replaced", "Replaced.", "replaced.mp3");
        rows.record(folder, first, kept, failed, polled, replaced);
        String keptKey = kept.key(folder);
        String failedKey = failed.key(folder);
        String polledKey = polled.key(folder);
        facts.beginSubmissions(List.of(keptKey, failedKey, polledKey));
        facts.recordAccepted(keptKey, "akool-kept", null, folder.journal());
        facts.recordAccepted(polledKey, "akool-polled", null, folder.journal());
        facts.recordCompleted(keptKey, "https://akool.example/kept.mp3");
        assertThat(facts.recordPolledCompleted(polledKey, "https://akool.example/polled.mp3")).isTrue();
        Path keptFile = Files.write(folder.root().resolve("kept.mp3"), new byte[1200]);
        facts.recordDownloaded(new DownloadedNarration(keptKey, new DownloadedAudio("kept.mp3", 1200,
                Sha256.ofFile(keptFile), 2.0), checked(2.0, "")));
        String replacedKey = replaced.key(folder);
        facts.beginSubmission(replacedKey);
        facts.recordAccepted(replacedKey, "akool-replaced", "https://akool.example/replaced.mp3", folder.journal());
        Path replacedFile = Files.write(folder.root().resolve("replaced.mp3"), new byte[1200]);
        facts.recordDownloaded(new DownloadedNarration(replacedKey, new DownloadedAudio("replaced.mp3", 1200,
                Sha256.ofFile(replacedFile), 2.0), checked(2.0, "")));
        byte[] another = new byte[1200]; // another narration's MP3 of the same size, written over it since
        another[600] = 1;
        Files.write(replacedFile, another);
        facts.recordFailed(failedKey, "Akool failed the job", null);
        assertThat(facts.recordCallback("akool-polled", false, null))
            .as("a failure after a completion is not believed").isEqualTo(AkoolJobFacts.CallbackOutcome.ALREADY_KNOWN);

        long second = folder.start();
        rows.record(folder, second, kept, failed, polled, replaced);

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
        slice.registry().forgetRun(dry);
        assertThat(read(readers.resultRows(second))).as("a dry run forgets only itself").hasSize(4);
    }

    @Test
    void aSecondRowWithTheSameIdOrFileIsRejectedHoweverFarApart() throws Exception {
        LedgerSlice.Folder folder = slice.folder();
        long run = folder.start();
        rows.record(folder, run, row(2, "a", "Alpha.", "a.mp3"));
        rows.record(folder, run, row(3, "a", "Again.", "other.mp3"), row(4, "b", "Beta.", "a.mp3"));

        List<ResultRow> results = read(readers.resultRows(run));
        assertThat(results).extracting(ResultRow::id).containsExactly("a", "a", "b");
        assertThat(results.subList(1, 3)).extracting(ResultRow::status).containsOnly(ResultRow.Status.INVALID);
        assertThat(results.get(1).error()).contains("line 2");
        assertThat(results.get(2).error()).contains("line 2");
    }

    @Test
    void aFolderWhoseLedgerWasLostGivesBackItsFilesAndTheJobsAkoolAcceptedMeanwhile() throws Exception {
        LedgerSlice.Folder folder = slice.folder();
        SliceRows.Row known = row(2, "known", "Known.", "known.mp3");
        SliceRows.Row listed = row(3, "listed", "Listed.", "listed.mp3");
        SliceRows.Row older = row(4, "older", "Older.", "older.mp3");
        long run = folder.start();
        rows.record(folder, run, known, older);
        Path mp3 = folder.root().resolve("listed.mp3");
        Files.copy(Path.of("src/test/resources/fixtures/audio/tone48.mp3"), mp3);
        Files.copy(mp3, folder.root().resolve("older.mp3"));
        Files.writeString(folder.root().resolve("results.csv"), "id,status,file,akool_id,attempts,sha256,content_hash\n"
                + "listed,SUCCEEDED,listed.mp3,akool-listed,2," + Sha256.ofFile(mp3) + "," + listed.contentHash() + "\n"
                + "older,SUCCEEDED,older.mp3,,1," + Sha256.ofFile(mp3) + "," + older.contentHash() + "\n");
        facts.beginSubmission(known.key(folder));
        folder.journalOnly(known.key(folder), "akool-known", "https://akool.example/known.mp3");
        assertThat(facts.recordJournal(AcceptedJournal.of(folder.output()))).isEqualTo(1);

        long rerun = folder.start();
        RowRecorder.Recorded recorded = rows.recordAll(folder, rerun, known, listed, older);

        assertThat(recorded.fromFolderNew()).as("listed: new to the ledger").isEqualTo(1);
        assertThat(recorded.fromFolderOlder()).as("older: the ledger knew it unsent").isEqualTo(1);
        List<ResultRow> results = read(readers.resultRows(rerun));
        assertThat(results.get(1).status()).isEqualTo(ResultRow.Status.SUCCEEDED);
        assertThat(results.get(1).attempts()).isEqualTo(2);
        assertThat(results.get(1).akoolId()).isEqualTo("akool-listed");
        assertThat(results.get(2).status()).isEqualTo(ResultRow.Status.SUCCEEDED);
        assertThat(read(readers.pendingNarrations(rerun))).extracting(PendingNarration::rowId)
            .as("the journal's job is followed, not sent again").isEmpty();
        assertThat(readers.takeOverJobs(rerun, 3)).extracting(TrackedNarration::akoolId).containsExactly("akool-known");
    }

    @Test
    void aStoredFileWhoseObjectIsGoneIsNoLongerTakenForStored() throws Exception {
        LedgerSlice.Folder folder = slice.folder();
        long run = folder.start();
        SliceRows.Row stored = row(2, "stored", "Stored.", "stored.mp3");
        rows.record(folder, run, stored);
        String key = stored.key(folder);
        facts.beginSubmission(key);
        facts.recordAccepted(key, "akool-stored", "https://akool.example/stored.mp3", folder.journal());
        facts.recordDownloaded(new DownloadedNarration(key, new DownloadedAudio("stored.mp3", 1200, Sha256.of("s"), 2.0),
                checked(2.0, "")));
        slice.store().jdbc().sql("UPDATE NARRATION SET STORED = SHA256 WHERE NARRATION_KEY = ?").param(key).update();

        rows.record(folder, folder.start(), stored); // the output holds no such file: its object is gone

        assertThat(slice.store().jdbc().sql("SELECT STORED FROM NARRATION WHERE NARRATION_KEY = ?").param(key)
            .query(String.class).optional()).as("stored again once downloaded again").isEmpty();
    }

    @Test
    void everyStatementOfTheValidateStepRanOnThisDatabase() throws Exception {
        aStoredFileWhoseObjectIsGoneIsNoLongerTakenForStored();
        aRerunKeepsWhatIsOnDiskSendsAgainWhatFailedAndForgetsTheRowsOfTheRunBefore();
        aSecondRowWithTheSameIdOrFileIsRejectedHoweverFarApart();
        aFolderWhoseLedgerWasLostGivesBackItsFilesAndTheJobsAkoolAcceptedMeanwhile();

        assertThat(database.unsent(RowSql.class)).as("the validate step's statements no test of the slice sent")
            .isEmpty();
    }
}
