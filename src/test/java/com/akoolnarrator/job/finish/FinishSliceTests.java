package com.akoolnarrator.job.finish;

import static com.akoolnarrator.job.validate.SliceRows.row;
import static com.akoolnarrator.job.validate.SliceRows.script;
import static com.akoolnarrator.ledger.LedgerSlice.checked;
import static com.akoolnarrator.ledger.LedgerSlice.read;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

import com.akoolnarrator.audio.AudioFindings;
import com.akoolnarrator.audio.AudioFlag;
import com.akoolnarrator.job.validate.SliceRows;
import com.akoolnarrator.ledger.DownloadedNarration;
import com.akoolnarrator.ledger.LedgerSlice;
import com.akoolnarrator.ledger.PendingNarration;
import com.akoolnarrator.ledger.ResultRow;
import com.akoolnarrator.ledger.SliceDatabase;
import com.akoolnarrator.ledger.SliceTestSupport;
import com.akoolnarrator.storage.DownloadedAudio;
import com.akoolnarrator.storage.Sha256;

/**
 * The finish steps' own statements ({@link SplitRows}' joins, {@link AudioReview}'s verdicts), on H2 and on
 * PostgreSQL: a long script's parts joined or failed, and a take the review rejects sent again.
 */
@ParameterizedClass
@ValueSource(strings = { SliceDatabase.H2, SliceDatabase.POSTGRESQL })
class FinishSliceTests extends SliceTestSupport {

    private final SplitRows splitRows;
    private final AudioReview review;

    FinishSliceTests(String vendor, @TempDir Path work) {
        super(vendor, work);
        this.splitRows = new SplitRows(slice.store());
        this.review = new AudioReview(slice.store());
    }

    @Test
    void aLongScriptsPartsAreFollowedAndJoinedAndAFailedPartFailsItsRow() throws Exception {
        LedgerSlice.Folder folder = slice.folder();
        long run = folder.start();
        SliceRows.Row script = script(2, "s", "s.mp3", List.of("One.", "Two."));
        SliceRows.Row broken = script(3, "x", "x.mp3", List.of("Three.", "Four."));
        rows.record(folder, run, script, broken);
        String key = script.key(folder);
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
        splitRows.recordJoined(key, new DownloadedAudio("s.mp3", 1000, Sha256.of("s"), 3.0), checked(3.0, ""));
        assertThat(read(readers.resultRows(run))).extracting(ResultRow::status)
            .containsExactly(ResultRow.Status.SUCCEEDED, ResultRow.Status.FAILED);

        splitRows.recordJoinFailed(broken.key(folder), "cannot join");
        String scriptPart = ready.get(0).partFiles().get(1);
        splitRows.recordPartNotDownloaded(key, scriptPart, "its download holds no MPEG audio frame");
        assertThat(read(readers.resultRows(run)).get(0).status()).as("joined already: a later verdict on a part is"
                + " about the part").isEqualTo(ResultRow.Status.SUCCEEDED);
        long rerun = folder.start();
        rows.record(folder, rerun, script, broken);
        assertThat(read(readers.pendingNarrations(rerun))).as("only the failed part is sent again")
            .extracting(PendingNarration::key).containsExactly(partOfBroken);
    }

    @Test
    void theAudioReviewJudgesSpeakingRatesAndARejectedTakeIsSentAgain() throws Exception {
        LedgerSlice.Folder folder = slice.folder();
        long run = folder.start();
        List<SliceRows.Row> lessons = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            lessons.add(row(i + 1, "r" + i, "Lesson number " + i + " is read at an even pace.", "r" + i + ".mp3"));
        }
        rows.record(folder, run, lessons.toArray(SliceRows.Row[]::new));
        for (SliceRows.Row lesson : lessons) {
            double seconds = lesson.id().equals("r6") ? 0.4 : 3.0; // r6 is far too short for its text
            narrated(folder, lesson.key(folder), "akool-" + lesson.id(), new DownloadedAudio(lesson.file(), 1000,
                    Sha256.of(lesson.id()), seconds));
        }

        review.judgeSpeakingRates(run, 1.5, 5);

        List<AudioReview.FlaggedFile> flagged = review.flagged(run);
        assertThat(flagged).hasSize(1);
        assertThat(AudioFindings.of(flagged.get(0).findings()).flags()).containsExactly(AudioFlag.TOO_SHORT);
        review.reject(flagged.get(0).key(), "flagged: TOO_SHORT");
        assertThat(read(readers.resultRows(run))).filteredOn(r -> r.status() == ResultRow.Status.FAILED)
            .extracting(ResultRow::id).containsExactly("r6");
        long rerun = folder.start();
        rows.record(folder, rerun, lessons.toArray(SliceRows.Row[]::new));
        assertThat(read(readers.pendingNarrations(rerun))).extracting(PendingNarration::rowId).containsExactly("r6");
    }

    @Test
    void everyStatementOfTheFinishStepsRanOnThisDatabase() throws Exception {
        aLongScriptsPartsAreFollowedAndJoinedAndAFailedPartFailsItsRow();
        theAudioReviewJudgesSpeakingRatesAndARejectedTakeIsSentAgain();

        assertThat(database.unsent(JoinSql.class)).as("the joins' statements no test of the slice sent").isEmpty();
        assertThat(database.unsent(ReviewSql.class)).as("the review's statements no test of the slice sent").isEmpty();
    }
}
