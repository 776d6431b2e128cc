package com.akoolnarrator.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.akoolnarrator.JobTestSupport;
import com.akoolnarrator.cli.RunOutcome;
import com.akoolnarrator.simulator.AkoolSimulator;
import com.akoolnarrator.storage.Mp3Format;

/** Texts over Akool's 5,000-word limit: narrated in parts, joined into one MP3, restartable part by part. */
class LongScriptTests extends JobTestSupport {

    @Autowired
    JdbcClient jdbc;

    /** A 12,000-word course script: 1,200 numbered sentences of ten words, in paragraphs. */
    static String courseScript() {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 1200; i++) {
            text.append("Sentence ").append(i).append(" tells the learner one more thing about narration. ");
            if (i % 8 == 0) {
                text.append("\n\n");
            }
        }
        return text.toString().strip();
    }

    private Path courseWithLongScript() throws Exception {
        return csv("course.csv", "id,text,voice_id", "intro,Welcome to the course.,en-US-Jenny",
                "module-1,\"" + courseScript() + "\",en-US-Guy", "outro,Thank you for listening.,en-US-Jenny");
    }

    @Test
    void aTwelveThousandWordScriptIsNarratedInPartsIntoOneMp3WhoseDurationIsTheSumOfTheParts() throws Exception {
        assertThat(courseScript().split("\\s+")).hasSize(12_000);

        RunOutcome outcome = run(courseWithLongScript());

        assertThat(outcome.exitCode()).isEqualTo(RunOutcome.ALL_SUCCEEDED);
        assertThat(simulator.calls("create")).as("one request per short row, three for the long one").isEqualTo(5);
        assertThat(simulator.duplicateSubmissions()).isZero();
        List<CSVRecord> results = results();
        assertThat(results).extracting(r -> r.get("status")).containsExactly("SUCCEEDED", "SUCCEEDED", "SUCCEEDED");
        CSVRecord longRow = results.get(1);
        assertThat(longRow.get("file")).isEqualTo("module-1.mp3");
        assertThat(longRow.get("akool_id").split(" ")).hasSize(3);
        assertThat(longRow.get("attempts")).isEqualTo("1");

        List<Double> partDurations = jdbc.sql("SELECT P.DURATION_SECONDS FROM NARRATION P JOIN NARRATION N"
                + " ON P.ROW_KEY = N.NARRATION_KEY WHERE N.SCOPE = ? AND N.ROW_ID = 'module-1' AND N.PARTS = 3 AND P.PARTS = 1"
                + " ORDER BY P.PART_NO").param(scope()).query(Double.class).list();
        assertThat(partDurations).hasSize(3).allSatisfy(d -> assertThat(d).isGreaterThan(60));
        double sum = partDurations.stream().mapToDouble(Double::doubleValue).sum();
        Path mp3 = output().resolve("module-1.mp3");
        assertThat(Double.parseDouble(longRow.get("duration_seconds"))).isCloseTo(sum, within(0.01));
        assertThat(Mp3Format.durationSeconds(mp3)).isCloseTo(sum, within(0.01));
        assertThat(Long.parseLong(longRow.get("bytes"))).isEqualTo(Files.size(mp3));
        assertThat(Mp3Format.id3v2Length(Files.readAllBytes(mp3))).isPositive();
        assertThat(filesUnder(output())).as("part files are deleted once joined")
            .noneMatch(f -> f.toString().contains("parts"));
        assertThat(longRow.get("audio_check")).as("the joined file is checked").isEqualTo("OK");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM NARRATION WHERE SCOPE = ? AND PART_NO > 0 AND AUDIO_FLAGS IS NOT NULL")
            .param(scope()).query(Long.class).single()).as("its parts are not: a long script is measured once").isZero();

        simulator.resetCounters();
        assertThat(run(courseWithLongScript()).exitCode()).isEqualTo(RunOutcome.ALL_SUCCEEDED);
        assertThat(simulator.calls("create")).as("a rerun reuses the joined MP3").isZero();
        assertThat(results().get(1).get("sha256")).isEqualTo(longRow.get("sha256"));
    }

    @Test
    void aRunStoppedInTheMiddleOfASplitRowSendsOnlyTheMissingPartsWhenRunAgain() throws Exception {
        // Akool's 5,000-word limit puts 500 sentences in a part: enough credit for the two short rows and one part and a
        // half, and Akool refuses the next part (1006)
        int firstPart = courseScript().indexOf("Sentence 501 ");
        simulator.setCredits(4.4 * (firstPart * 1.5 + 60) / 1000);

        RunOutcome stopped = run(courseWithLongScript());

        assertThat(stopped.exitCode()).isEqualTo(RunOutcome.JOB_FAILED);
        assertThat(stopped.message()).contains("credit");
        long paid = simulator.acceptedSubmissions();
        assertThat(paid).as("accepted before the credit ran out").isBetween(1L, 4L);
        assertThat(Files.exists(output().resolve("module-1.mp3"))).isFalse();

        simulator.setCredits(1e6);
        RunOutcome resumed = run(courseWithLongScript());

        assertThat(resumed.exitCode()).isEqualTo(RunOutcome.ALL_SUCCEEDED);
        assertThat(simulator.acceptedSubmissions()).as("each part and row paid for once").isEqualTo(5);
        assertThat(simulator.duplicateSubmissions()).isZero();
        assertThat(results()).extracting(r -> r.get("status")).containsExactly("SUCCEEDED", "SUCCEEDED", "SUCCEEDED");
        assertThat(Mp3Format.durationSeconds(output().resolve("module-1.mp3")))
            .isCloseTo(Double.parseDouble(results().get(1).get("duration_seconds")), within(0.01));
    }

    @Test
    void aFailedPartFailsItsRowWithThePartsReasonAndARerunSendsOnlyThatPart() throws Exception {
        String script = courseScript().replace("Sentence 1100 tells", "Sentence 1100 " + AkoolSimulator.FAIL_MARKER + " tells");
        Path input = csv("course.csv", "id,text,voice_id", "module-1,\"" + script + "\",en-US-Guy");

        RunOutcome outcome = run(input);

        assertThat(outcome.exitCode()).isEqualTo(RunOutcome.SOME_ROWS_FAILED);
        assertThat(results().get(0).get("status")).isEqualTo("FAILED");
        assertThat(results().get(0).get("error")).startsWith("part 3 of 3: Akool failed the job");
        assertThat(filesUnder(output()).stream().filter(f -> f.toString().contains("parts"))).hasSize(2);

        simulator.resetCounters();
        run(input);

        assertThat(simulator.calls("create")).as("parts 1 and 2 are on disk already").isEqualTo(1);
        assertThat(results().get(0).get("attempts")).isEqualTo("2");
    }

    @Test
    void aPartWhoseDownloadHoldsNoAudioIsNotJoinedItsRowFailsNamingItAndTheRerunDownloadsItAgain() throws Exception {
        Path input = csv("course.csv", "id,text,voice_id", "module-1,\"" + courseScript() + "\",en-US-Guy");
        simulatorSettings.setTagOnlyDownloadRate(1.0); // every MP3 arrives as its ID3 tag alone

        RunOutcome outcome = run(input);

        assertThat(outcome.exitCode()).isEqualTo(RunOutcome.SOME_ROWS_FAILED);
        assertThat(results().get(0).get("status")).isEqualTo("FAILED");
        assertThat(results().get(0).get("error")).startsWith("part 1 of 3: its download holds no MPEG audio frame")
            .contains("the next run downloads it again");
        assertThat(output().resolve("module-1.mp3")).as("not joined as if whole").doesNotExist();
        simulatorSettings.setTagOnlyDownloadRate(0);
        simulator.resetCounters();

        assertThat(run(input).exitCode()).isEqualTo(RunOutcome.ALL_SUCCEEDED);
        assertThat(simulator.calls("create")).as("Akool's parts are downloaded again, not paid for again").isZero();
        assertThat(Mp3Format.durationSeconds(output().resolve("module-1.mp3"))).isPositive();
    }

    @Test
    void aDryRunCountsTheRequestsALongScriptTakes() throws Exception {
        RunOutcome dryRun = command.run(courseWithLongScript(), output(), true);

        assertThat(dryRun.exitCode()).isZero();
        assertThat(dryRun.message()).contains("dry run of 3 rows: 3 would be submitted (3 create in 5 requests");
        assertThat(simulator.calls("create")).isZero();
    }

    @Test
    void aSentenceTooLongToSplitMakesTheRowInvalid() throws Exception {
        String endless = "This sentence goes on " + "and on ".repeat(2600) + "forever.";
        RunOutcome outcome = run(csv("course.csv", "id,text,voice_id", "module-1," + endless + ",en-US-Guy"));

        assertThat(outcome.exitCode()).isEqualTo(RunOutcome.SOME_ROWS_FAILED);
        assertThat(results().get(0).get("status")).isEqualTo("INVALID");
        assertThat(results().get(0).get("error")).contains("line 2, column 'text'", "5205 words",
                "the sentence starting \"This sentence goes on and on", "alone has 5205 words");
        assertThat(simulator.calls("create")).isZero();
    }
}
