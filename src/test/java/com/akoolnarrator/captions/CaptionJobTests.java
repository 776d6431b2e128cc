package com.akoolnarrator.captions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import com.akoolnarrator.JobTestSupport;
import com.akoolnarrator.cli.RunOutcome;
import com.akoolnarrator.simulator.AkoolSimulator;

/**
 * Captions that follow the voice, through the whole job: Akool "reads" each lesson as espeak-ng did
 * ({@code fixtures/captions}), and every row gets a WebVTT and a SubRip file, one cue per sentence as written, each
 * starting where its sentence is spoken; the lexicon changes what is said, never what is shown; a rerun writes what
 * is missing and pays for nothing.
 */
@DirtiesContext // settings of its own: its context is closed when the class ends, not kept for the rest
@TestPropertySource(properties = "narrator.captions=vtt,srt")
class CaptionJobTests extends JobTestSupport {

    private static final Path FIXTURES = Path.of("src/test/resources/fixtures/captions");
    private static final List<String> LESSONS = List.of("lesson-steady", "lesson-quick", "lesson-slow");

    @Test
    void everySentenceIsCuedWhereItIsSpokenInBothFormats() throws Exception {
        List<String> lines = new ArrayList<>(List.of("id,text,voice_id"));
        for (String lesson : LESSONS) {
            String text = text(truth(lesson));
            simulatorSettings.speak(text, Files.readAllBytes(FIXTURES.resolve(lesson + ".mp3")));
            lines.add(lesson + ",\"" + text + "\",en-US-Jenny");
        }

        RunOutcome outcome = run(csv("lessons.csv", lines.toArray(String[]::new)));

        assertThat(outcome.exitCode()).as(outcome.message()).isEqualTo(RunOutcome.ALL_SUCCEEDED);
        Map<String, CSVRecord> results = results().stream().collect(Collectors.toMap(r -> r.get("id"), Function.identity()));
        List<Double> errors = new ArrayList<>();
        for (String lesson : LESSONS) {
            CSVRecord row = results.get(lesson);
            assertThat(row.get("captions")).isEqualTo(lesson + ".vtt " + lesson + ".srt");
            assertThat(row.get("caption_timing")).startsWith("aligned: ");
            List<CSVRecord> truth = truth(lesson);
            String vtt = Files.readString(output().resolve(lesson + ".vtt"));
            assertThat(vtt).startsWith("WEBVTT\n\n1\n00:00:0");
            List<Cue> cues = CaptionFiles.read(output().resolve(lesson + ".vtt"));
            assertThat(CaptionFiles.read(output().resolve(lesson + ".srt"))).as("the same cues in both")
                .isEqualTo(cues);
            assertThat(cues).extracting(Cue::text).as("one cue per sentence as written, in order")
                .containsExactlyElementsOf(truth.stream().map(r -> r.get("sentence")).toList());
            double seconds = Double.parseDouble(row.get("duration_seconds"));
            for (int i = 0; i < cues.size(); i++) {
                assertThat(cues.get(i).end()).isGreaterThan(cues.get(i).start()).isLessThanOrEqualTo(seconds + 0.001);
                assertThat(i == 0 || cues.get(i).start() >= cues.get(i - 1).end()).as("cues do not overlap").isTrue();
                errors.add(Math.abs(cues.get(i).start() - Double.parseDouble(truth.get(i).get("start"))));
            }
        }
        long close = errors.stream().filter(error -> error <= 0.25).count();
        System.out.printf("captions: %d of %d cue starts within 250 ms of the true start, the worst %.3f s off%n", close,
                errors.size(), errors.stream().mapToDouble(Double::doubleValue).max().orElse(0));
        assertThat((double) close / errors.size()).as("cue starts within 250 ms").isGreaterThanOrEqualTo(0.95);
        assertThat(errors).as("none more than 600 ms off").allSatisfy(error -> assertThat(error).isLessThanOrEqualTo(0.6));
    }

    @Test
    void theLexiconChangesWhatIsSaidNeverWhatIsShown() throws Exception {
        Path lexicon = csv("lexicon.csv", "term,say", "SQL,sequel");
        Path input = csv("lessons.csv", "id,text,voice_id", "sql,\"We ask the database in SQL. Then we chart what it"
                + " answers.\",en-US-Jenny");

        RunOutcome outcome = command.run(input, output(), false, lexicon);

        assertThat(outcome.exitCode()).as(outcome.message()).isEqualTo(RunOutcome.ALL_SUCCEEDED);
        assertThat(CaptionFiles.read(output().resolve("sql.vtt"))).extracting(Cue::text)
            .containsExactly("We ask the database in SQL.", "Then we chart what it answers.");
        assertThat(Files.readString(output().resolve("sql.srt"))).contains("SQL").doesNotContain("sequel");
    }

    @Test
    void aRerunWritesMissingCaptionsAndPaysForNothing() throws Exception {
        Path input = numberedRows("Lesson", 3);
        run(input);
        Files.delete(output().resolve("r2.vtt"));
        simulator.resetCounters();

        assertThat(run(input).exitCode()).isEqualTo(RunOutcome.ALL_SUCCEEDED);

        assertThat(simulator.calls("create")).isZero();
        assertThat(output().resolve("r2.vtt")).exists();
        assertThat(CaptionFiles.read(output().resolve("r2.vtt"))).extracting(Cue::text)
            .containsExactly("Lesson 2.");
    }

    @Test
    void aFileTheCheckFlaggedOrASingleSentenceIsTimedByTheEstimateAndSaysSo() throws Exception {
        Path input = csv("lessons.csv", "id,text,voice_id", "one,A single sentence is one cue.,en-US-Jenny",
                "quiet,\"In this lesson we look at how a narration is measured before anyone publishes it. This take is"
                        + " read far too quietly for a learner. " + AkoolSimulator.AUDIO_MARKER + "TOO_QUIET]]\",en-US-Jenny");

        run(input);

        Map<String, CSVRecord> results = results().stream().collect(Collectors.toMap(r -> r.get("id"), Function.identity()));
        assertThat(results.get("one").get("caption_timing")).isEqualTo("estimated from the text's length: one sentence:"
                + " its cue spans the speech");
        assertThat(results.get("quiet").get("caption_timing")).startsWith("estimated from the text's length: the audio"
                + " check flagged the file (TOO_QUIET)");
        assertThat(CaptionFiles.read(output().resolve("quiet.vtt"))).hasSize(3);
    }

    private static String text(List<CSVRecord> truth) {
        return String.join(" ", truth.stream().map(r -> r.get("sentence")).toList());
    }

    static List<CSVRecord> truth(String lesson) throws Exception {
        try (Reader reader = Files.newBufferedReader(FIXTURES.resolve(lesson + ".truth.csv"), StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
    }
}
