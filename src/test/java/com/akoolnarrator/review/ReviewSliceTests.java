package com.akoolnarrator.review;

import static com.akoolnarrator.job.validate.SliceRows.row;
import static com.akoolnarrator.job.validate.SliceRows.script;
import static com.akoolnarrator.ledger.LedgerSlice.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.batch.infrastructure.item.Chunk;

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
 * The review's own statements on H2 and PostgreSQL: decisions on the current take only, the last one standing, and the
 * redo step's reader, processor and writer, stopped anywhere and run again, moving a take on exactly once.
 */
@ParameterizedClass
@ValueSource(strings = { SliceDatabase.H2, SliceDatabase.POSTGRESQL })
class ReviewSliceTests extends SliceTestSupport {

    private final ReviewRows reviews;
    private final Verdicts verdicts;

    ReviewSliceTests(String vendor, @TempDir Path work) {
        super(vendor, work);
        this.reviews = new ReviewRows(slice.store());
        this.verdicts = new Verdicts(slice.store());
    }

    @Test
    void aDecisionIsOnTheTakeHeardAndTheLastOneStands() throws Exception {
        LedgerSlice.Folder folder = slice.folder();
        long run = folder.start();
        SliceRows.Row lesson = row(2, "l", "Lesson.", "l.mp3");
        SliceRows.Row failed = row(3, "f", "Failed.", "f.mp3");
        rows.record(folder, run, lesson, failed);
        download(folder, lesson, "l.mp3");
        facts.recordFailed(failed.key(folder), "Akool failed the job", null);

        assertThat(reviews.decide(lesson.key(folder), 1, ResultRow.Review.REDO, "too fast", "alice"))
            .isEqualTo(ReviewRows.Saved.SAVED);
        assertThat(reviews.decide(lesson.key(folder), 1, ResultRow.Review.APPROVE, "fine after all", "bob"))
            .isEqualTo(ReviewRows.Saved.SAVED);
        assertThat(reviews.decide(lesson.key(folder), 2, ResultRow.Review.REDO, null, "carol")).as("not a take it has")
            .isEqualTo(ReviewRows.Saved.NOT_CURRENT);
        assertThat(reviews.decide(failed.key(folder), 1, ResultRow.Review.APPROVE, null, "carol")).as("no file to hear")
            .isEqualTo(ReviewRows.Saved.NOT_CURRENT);

        List<ReviewRow> listed = reviews.rows(run);
        assertThat(listed).extracting(ReviewRow::id).containsExactly("l", "f");
        assertThat(listed.get(0)).satisfies(row -> {
            assertThat(row.decision()).isEqualTo(ResultRow.Review.APPROVE);
            assertThat(row.reason()).isEqualTo("fine after all");
            assertThat(row.reviewer()).isEqualTo("bob");
            assertThat(row.reviewedAt()).isNotNull();
            assertThat(row.spoken()).isEqualTo("Lesson.");
            assertThat(row.file()).isEqualTo("l.mp3");
        });
        assertThat(listed.get(1).file()).isNull();
        assertThat(listed.get(1).error()).isEqualTo("Akool failed the job");
        assertThat(verdicts.tally(run)).isEqualTo(new Verdicts.Tally(1, 0, 0));
        assertThat(reviews.keyAt(run, 2)).contains(lesson.key(folder));
        assertThat(reviews.takeFile(run, 2, 1)).contains("l.mp3");

        assertThat(reviews.decideAll(List.of(new ReviewRows.Decision(lesson.key(folder), 1, null, null),
                new ReviewRows.Decision(failed.key(folder), 1, ResultRow.Review.REDO, null)), "dan"))
            .as("one that cannot be saved: none is").isFalse();
        assertThat(reviews.rows(run).get(0).decision()).isEqualTo(ResultRow.Review.APPROVE);
        assertThat(reviews.decideAll(List.of(new ReviewRows.Decision(lesson.key(folder), 1, null, null)), "dan")).isTrue();
        assertThat(reviews.rows(run).get(0).decision()).isNull();
    }

    @Test
    void aTakeSentBackIsKeptAndMovedOnOnceHoweverOftenTheStepStopsAndRunsAgain() throws Exception {
        LedgerSlice.Folder folder = slice.folder();
        long run = folder.start();
        SliceRows.Row lesson = row(2, "l", "Lesson.", "lessons/l.mp3");
        rows.record(folder, run, lesson);
        Path file = folder.root().resolve("lessons/l.mp3");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "take one");
        narrated(folder, lesson.key(folder), "akool-1", new DownloadedAudio("lessons/l.mp3", 8, Sha256.ofFile(file), 2.0));
        reviews.decide(lesson.key(folder), 1, ResultRow.Review.REDO, "mispronounces SQL", "alice");
        assertThat(verdicts.redoRequested(run)).isEqualTo(new Verdicts.Requested(1, 7));

        TakeKeeper keeper = new TakeKeeper(folder.output());
        SentBack sentBack = new SentBackTakes(slice.store().jdbc(), run).read();
        assertThat(sentBack.keptFile()).isEqualTo("lessons/l.take1.mp3");
        KeptTake kept = keeper.process(sentBack); // and the step stops before its writer records it

        long rerun = folder.start();
        rows.record(folder, rerun, lesson);
        assertThat(read(slice.readers().pendingNarrations(rerun))).as("validation leaves a take sent back to the redo step")
            .isEmpty();
        SentBack again = new SentBackTakes(slice.store().jdbc(), rerun).read();
        assertThat(keeper.process(again)).as("found kept").isEqualTo(kept);
        NextTakes writer = new NextTakes(slice.store(), rerun);
        writer.write(Chunk.of(kept));
        writer.write(Chunk.of(kept)); // a restart that wrote the chunk twice

        assertThat(Files.readString(folder.root().resolve("lessons/l.take1.mp3"))).isEqualTo("take one");
        assertThat(file).doesNotExist();
        assertThat(new SentBackTakes(slice.store().jdbc(), rerun).read()).as("nothing left to send back").isNull();
        assertThat(read(slice.readers().pendingNarrations(rerun))).extracting(PendingNarration::rowId)
            .as("the next take, to be sent once").containsExactly("l");
        assertThat(verdicts.retaken(rerun)).isEqualTo(1);
        ReviewRow row = reviews.rows(rerun).get(0);
        assertThat(row.take()).isEqualTo(2);
        assertThat(row.decision()).as("the new take awaits review").isNull();
        assertThat(row.earlier()).singleElement().satisfies(take -> {
            assertThat(take.file()).isEqualTo("lessons/l.take1.mp3");
            assertThat(take.reason()).isEqualTo("mispronounces SQL");
            assertThat(take.reviewer()).isEqualTo("alice");
        });
        assertThat(reviews.takeFile(rerun, 2, 1)).contains("lessons/l.take1.mp3");
        assertThat(reviews.row(rerun, 2)).as("the one row, as the list has it").contains(row);

        Files.writeString(folder.root().resolve("lessons/l.mp3"), "someone else's file");
        Files.writeString(folder.root().resolve("lessons/l.take1.mp3"), "not take one");
        assertThatThrownBy(() -> keeper.process(sentBack)).as("a take is never kept over a file it is not")
            .isInstanceOf(TakeKeeper.TakeNotKeptException.class).hasMessageContaining("move it away");
    }

    @Test
    void aLongScriptSentBackIsNarratedAgainPartByPart() throws Exception {
        LedgerSlice.Folder folder = slice.folder();
        long run = folder.start();
        SliceRows.Row script = script(2, "s", "s.mp3", List.of("One.", "Two."));
        rows.record(folder, run, script);
        List<PendingNarration> parts = read(slice.readers().pendingNarrations(run));
        List<String> akoolIds = new ArrayList<>();
        for (PendingNarration part : parts) {
            facts.beginSubmission(part.key());
            facts.recordAccepted(part.key(), "akool-" + part.key().substring(0, 6), null, folder.journal());
            akoolIds.add("akool-" + part.key().substring(0, 6));
            facts.recordDownloaded(new DownloadedNarration(part.key(), new DownloadedAudio(part.outputFile(), 10,
                    Sha256.of(part.key()), 1.0), null));
        }
        slice.store().jdbc().sql("UPDATE NARRATION SET STATE = 'DOWNLOADED', FILE_BYTES = 20, SHA256 = ?,"
                + " AUDIO_FLAGS = '' WHERE NARRATION_KEY = ?").params(Sha256.of("joined"), script.key(folder)).update();
        Files.writeString(folder.root().resolve("s.mp3"), "joined");
        reviews.decide(script.key(folder), 1, ResultRow.Review.REDO, null, "alice");
        assertThat(reviews.rows(run).get(0).spoken()).isEqualTo("One. Two.");

        SentBack sentBack = new SentBackTakes(slice.store().jdbc(), run).read();
        assertThat(sentBack.akoolIds()).isEqualTo(String.join(" ", akoolIds));
        new NextTakes(slice.store(), run).write(Chunk.of(new TakeKeeper(folder.output()).process(sentBack)));

        assertThat(read(slice.readers().pendingNarrations(run))).as("every part, again").hasSize(2);
        assertThat(read(slice.readers().resultRows(run)).get(0).take()).isEqualTo(2);
    }

    @Test
    void everyStatementOfTheReviewRanOnThisDatabase() throws Exception {
        aDecisionIsOnTheTakeHeardAndTheLastOneStands();
        aTakeSentBackIsKeptAndMovedOnOnceHoweverOftenTheStepStopsAndRunsAgain();
        aLongScriptSentBackIsNarratedAgainPartByPart();

        assertThat(database.unsent(DecisionSql.class)).as("the review's statements no test of the slice sent").isEmpty();
        assertThat(database.unsent(TakeSql.class)).as("the redo step's statements no test of the slice sent").isEmpty();
    }

    private void download(LedgerSlice.Folder folder, SliceRows.Row row, String file) throws Exception {
        Files.writeString(folder.root().resolve(file), "audio of " + row.id());
        narrated(folder, row.key(folder), "akool-" + row.id(), new DownloadedAudio(file, 10,
                Sha256.ofFile(folder.root().resolve(file)), 2.0));
    }
}
