package com.akoolnarrator.bucket;

import static com.akoolnarrator.job.validate.SliceRows.row;
import static com.akoolnarrator.ledger.LedgerSlice.read;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

import com.akoolnarrator.job.validate.SliceRows;
import com.akoolnarrator.ledger.LedgerSlice;
import com.akoolnarrator.ledger.ResultRow;
import com.akoolnarrator.ledger.SliceDatabase;
import com.akoolnarrator.ledger.SliceTestSupport;
import com.akoolnarrator.storage.DownloadedAudio;
import com.akoolnarrator.storage.Sha256;

/**
 * The store step's own statements on H2 and PostgreSQL: a downloaded file read with what its object carries, a row
 * whose file could not be stored FAILED with the reason (and read again by the next run), one stored read no more.
 */
@ParameterizedClass
@ValueSource(strings = { SliceDatabase.H2, SliceDatabase.POSTGRESQL })
class StoreSliceTests extends SliceTestSupport {

    StoreSliceTests(String vendor, @TempDir Path work) {
        super(vendor, work);
    }

    @Test
    void aFileNotStoredFailsItsRowWithTheReasonAndIsReadAgainUntilStored() throws Exception {
        LedgerSlice.Folder folder = slice.folder();
        long run = folder.start();
        SliceRows.Row lesson = row(2, "l", "First we listen.", "lessons/l.mp3");
        rows.record(folder, run, lesson);
        String sha256 = Sha256.of("l");
        narrated(folder, lesson.key(folder), "akool-l", new DownloadedAudio("lessons/l.mp3", 10, sha256, 2.0));

        ToStore file = new UnstoredFiles(slice.store().jdbc(), run, 10).read();
        assertThat(file.file()).isEqualTo("lessons/l.mp3");
        assertThat(file.sha256()).isEqualTo(sha256);
        assertThat(file.contentHash()).isEqualTo(lesson.contentHash());
        assertThat(file.akoolIds()).isEqualTo("akool-l");
        assertThat(file.captions()).isEmpty();

        stored(file.key(), null, "cannot store s3://b/lessons/l.mp3: the store answered 500");
        assertThat(read(readers.resultRows(run)).get(0)).satisfies(result -> {
            assertThat(result.status()).isEqualTo(ResultRow.Status.FAILED);
            assertThat(result.error()).startsWith("cannot store s3://b/lessons/l.mp3");
        });
        assertThat(slice.statistics().counts(run).notSucceeded()).isEqualTo(1);
        assertThat(slice.statistics().problems(run, 10)).hasSize(1);
        assertThat(new UnstoredFiles(slice.store().jdbc(), run, 10).read()).as("read again").isNotNull();

        stored(file.key(), sha256, null);
        assertThat(read(readers.resultRows(run)).get(0).status()).isEqualTo(ResultRow.Status.SUCCEEDED);
        assertThat(new UnstoredFiles(slice.store().jdbc(), run, 10).read()).as("stored as the ledger has it").isNull();
    }

    @Test
    void aFileIsReadyToBeStoredAsDownloadedOnceTaggedAndCaptionedAndNotRefusedBefore() throws Exception {
        LedgerSlice.Folder folder = slice.folder();
        long run = folder.start();
        SliceRows.Row lesson = row(2, "l", "First we listen.", "l.mp3");
        rows.record(folder, run, lesson);
        String key = lesson.key(folder);
        narrated(folder, key, "akool-l", new DownloadedAudio("l.mp3", 10, Sha256.of("l"), 2.0));
        var ready = UnstoredFiles.pages(slice.store().jdbc(), run, limit -> StoreSql.ready(limit, true));

        assertThat(ready.after(0, 10)).as("not tagged yet").isEmpty();
        update("UPDATE NARRATION SET TAGGED = COALESCE(TAGS, '') WHERE NARRATION_KEY = ?", key);
        assertThat(ready.after(0, 10)).as("not captioned yet").isEmpty();
        assertThat(UnstoredFiles.pages(slice.store().jdbc(), run, limit -> StoreSql.ready(limit, false)).after(0, 10))
            .as("without captions").hasSize(1);
        update("UPDATE NARRATION SET CAPTIONED = 'c', CAPTIONS = 'l.vtt' WHERE NARRATION_KEY = ?", key);
        assertThat(ready.after(0, 10)).extracting(ToStore::captions).containsExactly(List.of("l.vtt"));
        stored(key, null, "refused before");
        assertThat(ready.after(0, 10)).as("left to the store step after the downloads").isEmpty();
    }

    private void update(String sql, String key) {
        slice.store().jdbc().sql(sql).param(key).update();
    }

    private void stored(String key, String sha256, String error) {
        slice.store().jdbc().sql(StoreSql.STORED).params(sha256, error, Timestamp.from(Instant.now()), key).update();
    }

    @Test
    void everyStatementOfTheStoreStepRanOnThisDatabase() throws Exception {
        aFileNotStoredFailsItsRowWithTheReasonAndIsReadAgainUntilStored();

        assertThat(database.unsent(StoreSql.class)).as("the store step's statements no test of the slice sent").isEmpty();
    }
}
