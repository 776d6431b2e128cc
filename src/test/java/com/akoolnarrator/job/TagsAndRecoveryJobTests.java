package com.akoolnarrator.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

import com.akoolnarrator.JobTestSupport;
import com.akoolnarrator.cli.RunOutcome;
import com.akoolnarrator.storage.Mp3Format;
import com.akoolnarrator.storage.Sha256;
import com.akoolnarrator.tags.FileTag;
import com.akoolnarrator.input.TrackTags;
import com.akoolnarrator.tags.Id3Reader;
import com.mpatric.mp3agic.ID3v2;
import com.mpatric.mp3agic.ID3v2ChapterFrameData;
import com.mpatric.mp3agic.ID3v2TagFactory;

/**
 * Output that stands on its own: every MP3 tagged from its row's columns and with what it is a narration of, tags
 * changed without narrating again, chapters in a joined script, and a folder whose job database was lost, damaged or
 * older than the folder continued from what the folder holds, without paying again.
 */
@ExtendWith(OutputCaptureExtension.class)
class TagsAndRecoveryJobTests extends JobTestSupport {

    @Autowired
    JdbcClient jdbc;

    private Path course() throws Exception {
        return csv("course.csv", "id,title,album,artist,track,comment,text,voice_id",
                "intro,Welcome,Data Literacy 101,Anna Petrova,1/3,Opening lesson,Welcome to the course.,en-US-Jenny",
                "charts,Lire un graphique — « axes »,データ入門,Анна,2/3,,A chart is an argument.,en-US-Guy",
                "outro,Thank you,Data Literacy 101,,3/3,,Thank you for listening.,en-US-Jenny");
    }

    @Test
    void everyMp3CarriesItsRowsTagsAndWhatItIsANarrationOf() throws Exception {
        assertThat(run(course()).exitCode()).isEqualTo(RunOutcome.ALL_SUCCEEDED);

        List<CSVRecord> results = results();
        ID3v2 intro = tagOf("intro.mp3");
        assertThat(intro.getTitle()).isEqualTo("Welcome");
        assertThat(intro.getAlbum()).isEqualTo("Data Literacy 101");
        assertThat(intro.getArtist()).isEqualTo("Anna Petrova");
        assertThat(intro.getTrack()).isEqualTo("1/3");
        assertThat(intro.getComment()).isEqualTo("Opening lesson");
        ID3v2 charts = tagOf("charts.mp3");
        assertThat(charts.getTitle()).isEqualTo("Lire un graphique — « axes »");
        assertThat(charts.getAlbum()).isEqualTo("データ入門");
        assertThat(charts.getArtist()).isEqualTo("Анна");
        for (CSVRecord row : results) {
            Path mp3 = output().resolve(row.get("file"));
            Id3Reader.ReadTag tag = Id3Reader.read(mp3).orElseThrow();
            assertThat(row.get("content_hash")).hasSize(64);
            assertThat(tag.userText(FileTag.CONTENT_HASH)).contains(row.get("content_hash"));
            assertThat(tag.userText(FileTag.AKOOL_JOB_ID)).contains(row.get("akool_id"));
            assertThat(row.get("sha256")).as("the tagged file's").isEqualTo(Sha256.ofFile(mp3));
            assertThat(Long.parseLong(row.get("bytes"))).isEqualTo(Files.size(mp3));
        }
    }

    @Test
    void aCommentLongerThanATagKeepsIsCutAndTheRowNarrates() throws Exception {
        String lesson = "A long lesson. ".repeat(1_540).strip(); // 23,099 characters, as its comment too
        Path input = csv("course.csv", "id,title,comment,text,voice_id", "long,Long," + lesson + "," + lesson + ",en-US-Jenny");

        assertThat(run(input).exitCode()).isEqualTo(RunOutcome.ALL_SUCCEEDED);

        assertThat(tagOf("long.mp3").getComment()).isEqualTo(lesson.substring(0, TrackTags.MAX_VALUE).strip());
    }

    @Test
    void aTagChangeReTagsTheFileWithoutNarratingItAgain() throws Exception {
        run(course());
        String outroBefore = Sha256.ofFile(output().resolve("outro.mp3"));
        simulator.resetCounters();

        Path edited = csv("course.csv", Files.readString(work.resolve("course.csv"))
            .replace("intro,Welcome,", "intro,Welcome to Data Literacy,").strip());
        assertThat(run(edited).exitCode()).isEqualTo(RunOutcome.ALL_SUCCEEDED);

        assertThat(simulator.calls("create") + simulator.calls("info") + simulator.calls("download")).isZero();
        assertThat(tagOf("intro.mp3").getTitle()).isEqualTo("Welcome to Data Literacy");
        assertThat(results().get(0).get("sha256")).isEqualTo(Sha256.ofFile(output().resolve("intro.mp3")));
        assertThat(Sha256.ofFile(output().resolve("outro.mp3"))).as("a row whose tags did not change is left alone")
            .isEqualTo(outroBefore);
    }

    @Test
    void aJoinedScriptGetsAChapterPerPartAtItsPartBoundaries() throws Exception {
        run(csv("course.csv", "id,title,text,voice_id", "module-1,Module 1,\"" + LongScriptTests.courseScript()
                + "\",en-US-Guy"));

        ID3v2 tag = tagOf("module-1.mp3");
        List<ID3v2ChapterFrameData> chapters = tag.getChapters();
        assertThat(chapters).hasSize(3);
        assertThat(tag.getChapterTOC().get(0).getChildren()).containsExactly("ch1", "ch2", "ch3");
        assertThat(chapters.get(0).getStartTime()).isZero();
        assertThat(chapters.get(1).getStartTime()).isEqualTo(chapters.get(0).getEndTime());
        assertThat(chapters.get(2).getStartTime()).isEqualTo(chapters.get(1).getEndTime());
        double seconds = Mp3Format.durationSeconds(output().resolve("module-1.mp3"));
        assertThat(chapters.get(2).getEndTime()).isBetween((int) (seconds * 1000) - 5, (int) (seconds * 1000) + 5);
        assertThat(Id3Reader.read(output().resolve("module-1.mp3")).orElseThrow().chapters())
            .extracting(c -> c.title()).first().asString().startsWith("Sentence 1 tells the learner");
        assertThat(Id3Reader.read(output().resolve("module-1.mp3")).orElseThrow().userText(FileTag.AKOOL_JOB_ID)
            .orElseThrow().split(" ")).as("every part's Akool job").hasSize(3);
    }

    @Test
    void aDeletedNarratorFolderCostsNothingNextRunEveryRowIsRecoveredFromTheFolder(CapturedOutput output)
            throws Exception {
        Path input = csv("course.csv", "id,title,text,voice_id", "intro,Welcome,Welcome to the course.,en-US-Jenny",
                "module-1,Module 1,\"" + LongScriptTests.courseScript() + "\",en-US-Guy",
                "outro,Thank you,Thank you for listening.,en-US-Jenny");
        assertThat(run(input).exitCode()).isEqualTo(RunOutcome.ALL_SUCCEEDED);
        List<CSVRecord> first = results();
        List<String> chapters = chapterTimes("module-1.mp3");
        FileSystemUtils.deleteRecursively(output().resolve(".narrator"));
        simulator.resetCounters();

        assertThat(run(input).exitCode()).isEqualTo(RunOutcome.ALL_SUCCEEDED);

        assertThat(simulator.calls("create") + simulator.calls("info") + simulator.calls("download")).isZero();
        assertThat(output.getAll()).contains("Recovered 3 rows from the output folder");
        List<CSVRecord> again = results();
        assertThat(again).extracting(r -> r.get("status")).containsOnly("SUCCEEDED");
        assertThat(again).extracting(r -> r.get("sha256")).isEqualTo(first.stream().map(r -> r.get("sha256")).toList());
        assertThat(again.get(0).get("akool_id")).isEqualTo(first.get(0).get("akool_id"));
        assertThat(chapterTimes("module-1.mp3")).as("the joined script keeps its chapters").isEqualTo(chapters);

        Path edited = csv("course.csv", Files.readString(input).replace("Thank you for listening.", "Goodbye.").strip());
        FileSystemUtils.deleteRecursively(output().resolve(".narrator"));
        assertThat(run(edited).exitCode()).isEqualTo(RunOutcome.ALL_SUCCEEDED);
        assertThat(simulator.calls("create")).as("only the row whose text changed").isEqualTo(1);
    }

    @Test
    void aFileListedInResultsCsvWithItsChecksumIsRecoveredEvenWithoutItsTag() throws Exception {
        Path input = csv("course.csv", "id,text,voice_id", "a,Alpha.,en-US-Jenny", "b,Beta.,en-US-Guy",
                "c,Gamma.,en-US-Guy");
        run(input);
        String strippedA = stripTag("a.mp3");
        stripTag("b.mp3");
        rewriteResults(row -> row.get(0).equals("a") ? strippedA : row.get("sha256"));
        FileSystemUtils.deleteRecursively(output().resolve(".narrator"));
        simulator.resetCounters();

        assertThat(run(input).exitCode()).isEqualTo(RunOutcome.ALL_SUCCEEDED);

        assertThat(simulator.calls("create")).as("b's file matches neither its tag nor results.csv: narrated again")
            .isEqualTo(1);
        assertThat(Id3Reader.read(output().resolve("a.mp3")).orElseThrow().userText(FileTag.CONTENT_HASH))
            .as("a is tagged again").contains(results().get(0).get("content_hash"));
    }

    @Test
    void aJobDatabaseOlderThanTheFolderIsSaidAndNothingIsPaidAgain(CapturedOutput output) throws Exception {
        Path input = csv("course.csv", "id,text,voice_id", "a,Alpha.,en-US-Jenny", "b,Beta.,en-US-Guy",
                "c,Gamma.,en-US-Guy");
        run(input);
        // the state a restored copy, or a file that opened at an older state, would have: a never sent, b still at Akool
        jdbc.sql("UPDATE NARRATION SET STATE = 'PENDING', AKOOL_ID = NULL, AUDIO_URL = NULL, SUBMITTED_AT = NULL,"
                + " COMPLETED_AT = NULL WHERE SCOPE = ? AND ROW_ID = 'a'").param(scope()).update();
        jdbc.sql("UPDATE NARRATION SET STATE = 'SUBMITTED', AUDIO_URL = NULL, COMPLETED_AT = NULL WHERE SCOPE = ?"
                + " AND ROW_ID = 'b'").param(scope()).update();
        simulator.resetCounters();

        assertThat(run(input).exitCode()).isEqualTo(RunOutcome.ALL_SUCCEEDED);

        assertThat(simulator.calls("create") + simulator.calls("info") + simulator.calls("download")).isZero();
        assertThat(output.getAll()).contains("The job database is older than the output folder: 2 rows");
    }

    @Test
    void aLedgerThatLostEverythingOfTheFolderIsRebuiltFromIt() throws Exception {
        Path input = csv("course.csv", "id,text,voice_id", "a,Alpha.,en-US-Jenny", "b,Beta.,en-US-Guy");
        run(input);
        String scope = scope();
        for (String sql : List.of("DELETE FROM NARRATION_TEXT WHERE NARRATION_KEY IN (SELECT NARRATION_KEY FROM NARRATION"
                + " WHERE SCOPE = ?)", "DELETE FROM RUN_ROW WHERE RUN_ID IN (SELECT RUN_ID FROM RUN_INPUT WHERE SCOPE = ?)",
                "DELETE FROM RUN_INPUT WHERE SCOPE = ?", "DELETE FROM NARRATION WHERE SCOPE = ?")) {
            jdbc.sql(sql).param(scope).update();
        }
        simulator.resetCounters();

        assertThat(run(input).exitCode()).isEqualTo(RunOutcome.ALL_SUCCEEDED);

        assertThat(simulator.calls("create") + simulator.calls("download")).isZero();
        assertThat(results()).extracting(r -> r.get("status")).containsOnly("SUCCEEDED");
    }

    private ID3v2 tagOf(String file) throws Exception {
        return ID3v2TagFactory.createTag(Files.readAllBytes(output().resolve(file)));
    }

    private List<String> chapterTimes(String file) throws Exception {
        return tagOf(file).getChapters().stream().map(c -> c.getStartTime() + "-" + c.getEndTime()).toList();
    }

    /** Rewrites an MP3 without its ID3 tag, as another tool might; returns the new file's sha256. */
    private String stripTag(String file) throws Exception {
        Path mp3 = output().resolve(file);
        byte[] bytes = Files.readAllBytes(mp3);
        Files.write(mp3, Arrays.copyOfRange(bytes, Mp3Format.id3v2Length(bytes), bytes.length));
        return Sha256.ofFile(mp3);
    }

    private void rewriteResults(java.util.function.Function<CSVRecord, String> sha256) throws Exception {
        Path file = output().resolve("results.csv");
        List<CSVRecord> rows = results();
        List<String> header;
        try (Stream<String> lines = Files.lines(file)) {
            header = Arrays.asList(lines.findFirst().orElseThrow().split(","));
        }
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
            printer.printRecord(header);
            for (CSVRecord row : rows) {
                List<String> cells = new ArrayList<>(row.toList());
                cells.set(header.indexOf("sha256"), sha256.apply(row));
                printer.printRecord(cells);
            }
        }
        Files.writeString(file, out);
    }
}
