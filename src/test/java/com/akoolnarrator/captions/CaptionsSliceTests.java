package com.akoolnarrator.captions;

import static com.akoolnarrator.job.validate.SliceRows.row;
import static com.akoolnarrator.ledger.LedgerSlice.read;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.batch.infrastructure.item.Chunk;

import com.akoolnarrator.job.validate.SliceRows;
import com.akoolnarrator.ledger.LedgerSlice;
import com.akoolnarrator.ledger.ResultRow;
import com.akoolnarrator.ledger.SliceDatabase;
import com.akoolnarrator.ledger.SliceTestSupport;
import com.akoolnarrator.storage.DownloadedAudio;
import com.akoolnarrator.storage.Sha256;

/**
 * The captions step's own statements on H2 and PostgreSQL: a downloaded file read with its text as written and its
 * pauses, its captions written and recorded once, and written again when one of them is gone.
 */
@ParameterizedClass
@ValueSource(strings = { SliceDatabase.H2, SliceDatabase.POSTGRESQL })
class CaptionsSliceTests extends SliceTestSupport {

    CaptionsSliceTests(String vendor, @TempDir Path work) {
        super(vendor, work);
    }

    @Test
    void aFilesCaptionsAreWrittenOnceAndAgainWhenOneIsGone() throws Exception {
        LedgerSlice.Folder folder = slice.folder();
        long run = folder.start();
        SliceRows.Row lesson = row(2, "l", "First we listen. Then we read.", "lessons/l.mp3");
        rows.record(folder, run, lesson);
        narrated(folder, lesson.key(folder), "akool-l", new DownloadedAudio("lessons/l.mp3", 10, Sha256.of("l"), 2.0));
        Files.createDirectories(folder.root().resolve("lessons"));
        Files.write(folder.root().resolve("lessons/l.mp3"), new byte[10]); // captions are made beside an MP3 on disk
        CaptionMaker maker = new CaptionMaker(folder.output(), 1, List.of("vtt", "srt"));

        ToCaption file = new DownloadedFiles(slice.store().jdbc(), run, 10).read();
        assertThat(file.values().get(1)).isEqualTo("First we listen. Then we read.");
        assertThat(file.audio().pauses()).isNotNull();
        Captioned captioned = maker.process(file);
        new CaptionsWritten(slice.store()).write(Chunk.of(captioned));

        assertThat(captioned.files()).isEqualTo("lessons/l.vtt lessons/l.srt");
        assertThat(CaptionFiles.read(folder.root().resolve("lessons/l.vtt"))).hasSize(2);
        assertThat(read(readers.resultRows(run)).get(0)).satisfies(result -> {
            assertThat(result.status()).isEqualTo(ResultRow.Status.SUCCEEDED);
            assertThat(result.captions()).isEqualTo("lessons/l.vtt lessons/l.srt");
            assertThat(result.captionTiming()).isEqualTo(captioned.timing());
        });
        assertThat(maker.process(new DownloadedFiles(slice.store().jdbc(), run, 10).read())).as("as they should be")
            .isNull();

        Files.delete(folder.root().resolve("lessons/l.srt"));
        assertThat(maker.process(new DownloadedFiles(slice.store().jdbc(), run, 10).read())).isNotNull();
        assertThat(folder.root().resolve("lessons/l.srt")).exists();
    }

    @Test
    void aBucketsFileIsCaptionedAsDownloadedOnceTaggedAndOnlyOnce() throws Exception {
        LedgerSlice.Folder folder = slice.folder();
        long run = folder.start();
        SliceRows.Row lesson = row(2, "l", "First we listen.", "l.mp3");
        rows.record(folder, run, lesson);
        String key = lesson.key(folder);
        narrated(folder, key, "akool-l", new DownloadedAudio("l.mp3", 10, Sha256.of("l"), 2.0));
        var ready = DownloadedFiles.pages(slice.store().jdbc(), run, CaptionSql::taggedUncaptioned);

        assertThat(ready.after(0, 10)).as("not tagged yet").isEmpty();
        slice.store().jdbc().sql("UPDATE NARRATION SET TAGGED = COALESCE(TAGS, '') WHERE NARRATION_KEY = ?").param(key)
            .update();
        assertThat(ready.after(0, 10)).extracting(ToCaption::key).containsExactly(key);
        slice.store().jdbc().sql("UPDATE NARRATION SET CAPTIONED = 'c' WHERE NARRATION_KEY = ?").param(key).update();
        assertThat(ready.after(0, 10)).as("captioned").isEmpty();
    }

    @Test
    void everyStatementOfTheCaptionsRanOnThisDatabase() throws Exception {
        aFilesCaptionsAreWrittenOnceAndAgainWhenOneIsGone();

        assertThat(database.unsent(CaptionSql.class)).as("the captions step's statements no test of the slice sent")
            .isEmpty();
    }
}
