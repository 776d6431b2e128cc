package com.akoolnarrator.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
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
import org.springframework.beans.factory.annotation.Autowired;

import com.akoolnarrator.JobTestSupport;
import com.akoolnarrator.cli.RunOutcome;
import com.akoolnarrator.simulator.AkoolSimulator;
import com.akoolnarrator.storage.Sha256;

/**
 * A person's verdict in the run: decisions exported and imported, a redo narrated again as a new take on the next
 * run (paid once), the replaced take kept beside it, and an approval that outweighs the audio check's flag.
 */
class ReviewAndRedoJobTests extends JobTestSupport {

    @Autowired
    ReviewCommand review;

    @Test
    void theRowsSentBackAreNarratedAgainOnceEachAndTheirEarlierTakesKept() throws Exception {
        Path input = numberedRows("Lesson", 12);
        assertThat(run(input).exitCode()).isEqualTo(RunOutcome.ALL_SUCCEEDED);
        Map<String, CSVRecord> first = byId(results());
        Path decisions = csv("decisions.csv", "id,decision,reason", "r2,redo,\"says \"\"SQL\"\" as \"\"squeal\"\"\"",
                "r5,REDO,too fast", "r9,Redo,", "r3,approve,", "r7,approve,sounds right");

        assertThat(review.importFile(output(), decisions, "alice")).isEqualTo(5);

        Map<String, CSVRecord> exported = byId(parse(export()));
        assertThat(exported).hasSize(12);
        assertThat(exported.get("r2").get("decision")).isEqualTo("redo");
        assertThat(exported.get("r2").get("reason")).isEqualTo("says \"SQL\" as \"squeal\"");
        assertThat(exported.get("r2").get("reviewer")).isEqualTo("alice");
        assertThat(exported.get("r2").get("reviewed_at")).isNotBlank();
        assertThat(exported.get("r5").get("decision")).isEqualTo("redo");
        assertThat(exported.get("r9").get("decision")).isEqualTo("redo");
        assertThat(exported.get("r3").get("decision")).isEqualTo("approve");
        assertThat(exported.get("r7").get("reason")).isEqualTo("sounds right");
        assertThat(exported.get("r1").get("decision")).isEmpty();
        assertThat(exported.get("r1").get("take")).isEqualTo("1");
        assertThat(exported.get("r1").get("file")).isEqualTo("r1.mp3");

        simulator.resetCounters();
        RunOutcome dryRun = command.run(input, output(), true);
        assertThat(dryRun.message()).contains("3 would be submitted", "3 narrated again at a reviewer's request");
        assertThat(simulator.calls("create")).isZero();

        RunOutcome redone = run(input);

        assertThat(redone.exitCode()).as(redone.message()).isEqualTo(RunOutcome.ALL_SUCCEEDED);
        assertThat(redone.message()).contains("3 rows narrated again at a reviewer's request");
        assertThat(simulator.calls("create")).as("a new Akool job for each row sent back, none for the others").isEqualTo(3);
        Map<String, CSVRecord> second = byId(results());
        for (String id : List.of("r2", "r5", "r9")) {
            Path kept = output().resolve(id + ".take1.mp3");
            assertThat(Sha256.ofFile(kept)).as("take 1 of " + id + " kept with its bytes").isEqualTo(first.get(id).get("sha256"));
            assertThat(second.get(id).get("take")).isEqualTo("2");
            assertThat(second.get(id).get("akool_id")).isNotEqualTo(first.get(id).get("akool_id"));
            assertThat(second.get(id).get("review")).as("the new take awaits review").isEmpty();
            assertThat(Sha256.ofFile(output().resolve(id + ".mp3"))).isEqualTo(second.get(id).get("sha256"));
            assertThat(second.get(id).get("captions")).as("the new take captioned").isEqualTo(id + ".vtt");
        }
        assertThat(second.values()).filteredOn(row -> !List.of("r2", "r5", "r9").contains(row.get("id")))
            .allSatisfy(row -> {
                assertThat(row.get("take")).isEqualTo("1");
                assertThat(row.get("sha256")).isEqualTo(first.get(row.get("id")).get("sha256"));
            });
        assertThat(second.get("r3").get("review")).isEqualTo("approve");
        assertThat(second.get("r7").get("review_reason")).isEqualTo("sounds right");
        assertThat(Files.readString(output().resolve("report.html"))).contains("r2.take1.mp3");

        simulator.resetCounters();
        assertThat(run(input).exitCode()).isEqualTo(RunOutcome.ALL_SUCCEEDED);
        assertThat(simulator.calls("create")).as("a third run creates none").isZero();
        assertThat(byId(results()).get("r2").get("take")).isEqualTo("2");
    }

    @Test
    void anImportNamingAnUnknownIdIsRefusedWholeAndChangesNothing() throws Exception {
        run(numberedRows("Lesson", 3));
        String before = export();
        Path decisions = csv("decisions.csv", "id,decision,reason", "r1,redo,too slow", "r404,approve,", "r2,approve,");

        assertThatThrownBy(() -> review.importFile(output(), decisions, "bob"))
            .isInstanceOf(ReviewRefused.class)
            .hasMessageContaining("decisions.csv, line 3, column 'id': 'r404' is not a row of the last run")
            .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThat(export()).as("no decision changed, not even the line before it").isEqualTo(before);

        Path unknownDecision = csv("decisions2.csv", "id,decision", "r1,approve", "r2,maybe");
        assertThatThrownBy(() -> review.importFile(output(), unknownDecision, "bob"))
            .hasMessageContaining("decisions2.csv, line 3, column 'decision': 'maybe' is not a decision");
        Path malformed = csv("decisions3.csv", "id,decision,reason", "r1,redo,\"never closed");
        assertThatThrownBy(() -> review.importFile(output(), malformed, "bob"))
            .hasMessageContaining("decisions3.csv cannot be read as CSV");
        assertThat(export()).isEqualTo(before);
    }

    @Test
    void aRedoStoppedBeforeItsNewTakeWasSentIsFinishedByTheNextRunWithOneNewJob() throws Exception {
        Path input = numberedRows("Lesson", 2);
        run(input);
        review.importFile(output(), csv("decisions.csv", "id,decision", "r1,redo"), "carol");
        simulator.resetCounters();
        simulator.setCredits(0); // Akool refuses the new take: the run stops after the redo step moved it on

        RunOutcome stopped = run(input);

        assertThat(stopped.exitCode()).isEqualTo(RunOutcome.JOB_FAILED);
        assertThat(output().resolve("r1.take1.mp3")).exists();
        assertThat(simulator.acceptedSubmissions()).isZero();

        simulator.setCredits(1e12);
        RunOutcome resumed = run(input);

        assertThat(resumed.exitCode()).as(resumed.message()).isEqualTo(RunOutcome.ALL_SUCCEEDED);
        assertThat(simulator.acceptedSubmissions()).as("the new take, paid once").isEqualTo(1);
        assertThat(byId(results()).get("r1").get("take")).isEqualTo("2");
        assertThat(output().resolve("r1.take2.mp3")).doesNotExist();
    }

    @Test
    void anApprovedFileIsNoLongerOneToListenToThoughTheCheckFlaggedIt() throws Exception {
        Path input = csv("lessons.csv", "id,text,voice_id", "quiet,In this lesson we look at how a narration is measured before"
                + " anyone publishes it and this take is read far too quietly for a learner to follow it at a steady pace "
                + AkoolSimulator.AUDIO_MARKER + "TOO_QUIET]].,en-US-Jenny");
        RunOutcome flagged = run(input);
        assertThat(flagged.message()).contains("1 file to listen to");

        review.importFile(output(), csv("decisions.csv", "id,decision", "quiet,approve"), "dan");
        RunOutcome approved = run(input);

        assertThat(approved.message()).doesNotContain("to listen to");
        assertThat(byId(results()).get("quiet").get("audio_check")).as("the check still says what it heard")
            .contains("TOO_QUIET");
        assertThat(byId(results()).get("quiet").get("review")).isEqualTo("approve");
    }

    private String export() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        review.export(output(), "-", new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    private static List<CSVRecord> parse(String csv) throws Exception {
        return new ArrayList<>(CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(
                new java.io.StringReader(csv)).getRecords());
    }

    private static Map<String, CSVRecord> byId(List<CSVRecord> rows) {
        return rows.stream().collect(Collectors.toMap(row -> row.get("id"), Function.identity()));
    }
}
