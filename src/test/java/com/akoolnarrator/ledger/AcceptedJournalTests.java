package com.akoolnarrator.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.akoolnarrator.akool.AudioJob;
import com.akoolnarrator.storage.OutputFolder;

class AcceptedJournalTests {

    @TempDir
    Path folder;

    @Test
    void jobsAreKeptInTheSpaceReservedBeforeTheDiskFilledAndReadBackPastTheReserve() throws Exception {
        Files.createDirectories(folder.resolve(".narrator"));
        AcceptedJournal journal = AcceptedJournal.reserve(new OutputFolder(folder));
        long reserved = Files.size(journal.file());

        journal.keep("k1", new AudioJob("a1", AudioJob.PROCESSING, null, null));
        journal.keep("k2", new AudioJob("a2", AudioJob.COMPLETED, "https://cdn.example/a2.mp3", null));

        assertThat(Files.size(journal.file())).as("written inside the reserve").isEqualTo(reserved);
        assertThat(AcceptedJournal.of(new OutputFolder(folder)).entries()).containsExactly(
                new AcceptedJournal.Entry("k1", "a1", null), new AcceptedJournal.Entry("k2", "a2", "https://cdn.example/a2.mp3"));
        AcceptedJournal again = AcceptedJournal.reserve(new OutputFolder(folder));
        assertThat(again.entries()).as("a new reserve keeps what was not recorded yet").hasSize(2);
        again.forget();
        assertThat(AcceptedJournal.of(new OutputFolder(folder)).entries()).isEmpty();
    }
}
