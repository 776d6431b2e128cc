package com.akoolnarrator.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.akoolnarrator.storage.OutputFolder;

@ExtendWith(OutputCaptureExtension.class)
class AcceptedJournalTests {

    @TempDir
    Path folder;

    @Test
    void jobsAreKeptInTheSpaceReservedBeforeTheDiskFilledAndReadBackPastTheReserve() throws Exception {
        Files.createDirectories(folder.resolve(".narrator"));
        AcceptedJournal journal = AcceptedJournal.reserve(new OutputFolder(folder));
        long reserved = Files.size(journal.file());

        journal.keep("k1", "a1", null);
        journal.keep("k2", "a2", "https://cdn.example/a2.mp3");

        assertThat(Files.size(journal.file())).as("written inside the reserve").isEqualTo(reserved);
        assertThat(AcceptedJournal.of(new OutputFolder(folder)).entries()).containsExactly(
                new AcceptedJournal.Entry("k1", "a1", null), new AcceptedJournal.Entry("k2", "a2", "https://cdn.example/a2.mp3"));
        AcceptedJournal again = AcceptedJournal.reserve(new OutputFolder(folder));
        assertThat(again.entries()).as("a new reserve keeps what was not recorded yet").hasSize(2);
        again.forget();
        assertThat(AcceptedJournal.of(new OutputFolder(folder)).entries()).isEmpty();
    }

    @Test
    void aLineThatIsNotTextIsPassedOverSayingWhichAndTheOthersAreRead(CapturedOutput output) throws Exception {
        Path file = Files.createDirectories(folder.resolve(".narrator")).resolve("accepted.journal");
        ByteArrayOutputStream journal = new ByteArrayOutputStream();
        journal.writeBytes("k1\ta1\t\n".getBytes(StandardCharsets.UTF_8));
        journal.writeBytes(new byte[] { 'k', (byte) 0xFF, '\t', 'a', '\n' }); // torn: half of a character
        journal.writeBytes("k3\ta3\thttps://cdn.example/a3.mp3\n\n\n".getBytes(StandardCharsets.UTF_8));
        Files.write(file, journal.toByteArray());

        assertThat(AcceptedJournal.of(new OutputFolder(folder)).entries()).containsExactly(
                new AcceptedJournal.Entry("k1", "a1", null), new AcceptedJournal.Entry("k3", "a3", "https://cdn.example/a3.mp3"));
        assertThat(output).contains("Line 2 of " + file + " is not readable text");
    }
}
