package com.akoolnarrator.tags;

import static com.akoolnarrator.job.validate.SliceRows.row;
import static com.akoolnarrator.job.validate.SliceRows.script;
import static com.akoolnarrator.ledger.LedgerSlice.read;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

import com.akoolnarrator.job.validate.SliceRows;
import com.akoolnarrator.ledger.LedgerSlice;
import com.akoolnarrator.ledger.PendingNarration;
import com.akoolnarrator.ledger.SliceDatabase;
import com.akoolnarrator.ledger.SliceTestSupport;
import com.akoolnarrator.storage.DownloadedAudio;
import com.akoolnarrator.storage.Sha256;

/**
 * The tag step's own statements ({@link FileTags}), on H2 and on PostgreSQL: which downloaded files wait for their
 * tags, what a long script's chapters are made of, and the tagged file's size and checksum recorded.
 */
@ParameterizedClass
@ValueSource(strings = { SliceDatabase.H2, SliceDatabase.POSTGRESQL })
class FileTagsSliceTests extends SliceTestSupport {

    private final FileTags fileTags;

    FileTagsSliceTests(String vendor, @TempDir Path work) {
        super(vendor, work);
        this.fileTags = new FileTags(slice.store());
    }

    @Test
    void aDownloadedFileWaitsForItsTagsUntilTheTaggedFileIsRecorded() throws Exception {
        LedgerSlice.Folder folder = slice.folder();
        long run = folder.start();
        SliceRows.Row alpha = row(2, "a", "Alpha.", "a.mp3");
        SliceRows.Row beta = row(3, "b", "Beta.", "b.mp3");
        rows.record(folder, run, alpha, beta);
        download(folder, alpha.key(folder), "a.mp3", 2.0);
        download(folder, beta.key(folder), "b.mp3", 2.0);

        assertThat(fileTags.untagged(run, 0, 10)).extracting(FileTags.Untagged::key)
            .containsExactly(alpha.key(folder), beta.key(folder));
        assertThat(fileTags.untagged(run, 2, 10)).as("after line 2").extracting(FileTags.Untagged::file)
            .containsExactly("b.mp3");
        assertThat(fileTags.untagged(run, 0, 10).get(0).tags()).isEqualTo(alpha.tags());

        fileTags.recordTagged(List.of(new FileTags.Tagged(alpha.key(folder), alpha.tags(), 1300, Sha256.of("tagged a")),
                new FileTags.Tagged(beta.key(folder), beta.tags(), 1000, Sha256.of("tagged b"))));

        assertThat(fileTags.untagged(run, 0, 10)).isEmpty();
        assertThat(read(slice.readers().resultRows(run)).get(0).sha256()).isEqualTo(Sha256.of("tagged a"));
        assertThat(read(slice.readers().resultRows(run)).get(0).bytes()).isEqualTo(1300);
    }

    @Test
    void aLongScriptsChaptersAreItsPartsInOrder() throws Exception {
        LedgerSlice.Folder folder = slice.folder();
        long run = folder.start();
        SliceRows.Row script = script(2, "s", "s.mp3", List.of("One.", "Two."));
        rows.record(folder, run, script);
        List<PendingNarration> parts = read(slice.readers().pendingNarrations(run));
        download(folder, parts.get(0).key(), parts.get(0).outputFile(), 1.5);
        download(folder, parts.get(1).key(), parts.get(1).outputFile(), 2.5);

        assertThat(fileTags.parts(script.key(folder)))
            .containsExactly(new FileTags.Part(1.5, "One."), new FileTags.Part(2.5, "Two."));
    }

    @Test
    void everyStatementOfTheTagStepRanOnThisDatabase() throws Exception {
        aDownloadedFileWaitsForItsTagsUntilTheTaggedFileIsRecorded();
        aLongScriptsChaptersAreItsPartsInOrder();

        assertThat(database.unsent(FileTags.class)).as("the tag step's statements no test of the slice sent").isEmpty();
    }

    private void download(LedgerSlice.Folder folder, String key, String file, double seconds) throws Exception {
        narrated(folder, key, "akool-" + key.substring(0, 8), new DownloadedAudio(file, 1000, Sha256.of(key), seconds));
    }
}
