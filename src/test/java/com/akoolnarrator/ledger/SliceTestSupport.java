package com.akoolnarrator.ledger;

import java.io.IOException;
import java.nio.file.Path;

import com.akoolnarrator.job.validate.SliceRows;
import com.akoolnarrator.storage.DownloadedAudio;

/**
 * What a slice test starts from, on the database its {@code @ParameterizedClass} names: the kernel's parts over it,
 * rows recorded as the validate step records them, and output folders in {@code work}.
 */
public abstract class SliceTestSupport {

    protected final SliceDatabase database;
    protected final LedgerSlice slice;
    protected final SliceRows rows;
    protected final AkoolJobFacts facts;
    protected final LedgerReaders readers;

    protected SliceTestSupport(String vendor, Path work) {
        this.database = SliceDatabase.of(vendor);
        this.slice = new LedgerSlice(database, work);
        this.rows = new SliceRows(slice);
        this.facts = slice.facts();
        this.readers = slice.readers();
    }

    /**
     * The narration {@code key} sent, accepted as Akool's job {@code akoolId}, and downloaded as {@code audio}, which the
     * audio check found clean: a row or part narrated.
     */
    protected void narrated(LedgerSlice.Folder folder, String key, String akoolId, DownloadedAudio audio)
            throws IOException {
        facts.beginSubmission(key);
        facts.recordAccepted(key, akoolId, "https://akool.example/" + akoolId + ".mp3", folder.journal());
        facts.recordDownloaded(new DownloadedNarration(key, audio, LedgerSlice.checked(audio.durationSeconds(), "")));
    }
}
