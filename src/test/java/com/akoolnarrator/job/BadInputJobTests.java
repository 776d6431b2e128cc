package com.akoolnarrator.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.akoolnarrator.cli.RunOutcome;
import com.akoolnarrator.JobTestSupport;

@ExtendWith(OutputCaptureExtension.class)
class BadInputJobTests extends JobTestSupport {


    @Test
    void badRowsEndInvalidWithTheirReasonAndCostNothingWhileTheRestSucceed() throws Exception {
        Path input = csv("messy.csv",
                "id,text,voice_id,rate,output,course",
                "good-1,Fine text.,en-US-Jenny,,,A",
                "good-1,Same id again.,en-US-Jenny,,,B",
                "good-2,Another fine text.,en-US-Guy,90%,Lessons/Two.mp3,C",
                "clash,Writes the same file.,en-US-Guy,,lessons/two.mp3,D",
                "slow,Too slow.,en-US-Guy,150%,,E",
                "novoice,No voice at all.,,,,F",
                "typo,Misspelt voice.,en-US-Jeny,,,G",
                ",No id.,en-US-Jenny,,,H");

        RunOutcome outcome = run(input);

        assertThat(outcome.exitCode()).isEqualTo(RunOutcome.SOME_ROWS_FAILED);
        List<CSVRecord> rows = results();
        assertThat(rows).extracting(r -> r.get("course")).containsExactly("A", "B", "C", "D", "E", "F", "G", "H");
        assertThat(rows).extracting(r -> r.get("status")).containsExactly("SUCCEEDED", "INVALID", "SUCCEEDED", "INVALID",
                "INVALID", "INVALID", "INVALID", "INVALID");
        assertThat(rows.get(1).get("error")).isEqualTo("line 3, column 'id': 'good-1' is already the id of line 2: every row needs its own id");
        assertThat(rows.get(3).get("error")).contains("line 5, column 'output'", "already written by line 4");
        assertThat(rows.get(4).get("error")).contains("line 6, column 'rate'");
        assertThat(rows.get(5).get("error")).contains("line 7, column 'voice_id'");
        assertThat(rows.get(6).get("error")).contains("line 8, column 'voice_id'", "en-US-Jeny");
        assertThat(rows.get(7).get("error")).contains("line 9, column 'id'");
        assertThat(simulator.calls("create")).isEqualTo(2);
        List<CSVRecord> failed = readCsv(output().resolve("failed.csv"));
        assertThat(failed).extracting(r -> r.get("course")).containsExactly("B", "D", "E", "F", "G", "H");
        assertThat(failed.get(0).toMap()).containsOnlyKeys("id", "text", "voice_id", "rate", "output", "course");
    }

    @Test
    void aDuplicateIdOrOutputFileIsFoundHoweverFarApartTheRowsAre() throws Exception {
        List<String> lines = new java.util.ArrayList<>(List.of("id,text,voice_id,output"));
        for (int i = 1; i <= 1200; i++) {
            lines.add("row-" + i + ",Text " + i + ".,en-US-Jenny,lesson-" + i + ".mp3");
        }
        lines.add("row-3,The id of line 4 again.,en-US-Jenny,other.mp3");
        lines.add("late,Writes line 6's file.,en-US-Jenny,LESSON-5.mp3");

        run(csv("long.csv", lines.toArray(String[]::new)));

        List<CSVRecord> rows = results();
        assertThat(rows).hasSize(1202);
        assertThat(rows.get(1200).get("error")).isEqualTo("line 1202, column 'id': 'row-3' is already the id of line 4: every"
                + " row needs its own id");
        assertThat(rows.get(1201).get("error")).contains("line 1203, column 'output'", "already written by line 6 (id row-5");
        assertThat(rows.subList(0, 1200)).allSatisfy(r -> assertThat(r.get("status")).isEqualTo("SUCCEEDED"));
    }

    @Test
    void aWholeFileProblemExitsWithUsageAndCallsNothing(CapturedOutput output) throws Exception {
        Path input = csv("semicolons.csv", "id;txet;voice_id", "1;Hallo;de-DE-Katja");

        RunOutcome outcome = run(input);

        assertThat(outcome.exitCode()).isEqualTo(RunOutcome.USAGE);
        assertThat(outcome.message()).contains("required column 'text' is missing", "'txet'");
        assertThat(simulator.calls("voices") + simulator.calls("create")).isZero();
        assertThat(output.getAll()).doesNotContain("\tat ").doesNotContain("Exception");
    }

    @Test
    void aMissingInputFileExitsWithUsage() {
        RunOutcome outcome = run(work.resolve("missing.csv"));
        assertThat(outcome.exitCode()).isEqualTo(RunOutcome.USAGE);
        assertThat(outcome.message()).contains("input file not found");
    }

    @Test
    void semicolonSeparatedInputIsReadAndItsFailedRowsWrittenBackTheSameWay() throws Exception {
        Path input = csv("export.csv", "id;text;voice_id;kurs", "1;Hallo, Welt.;de-DE-Katja;A", "2;;de-DE-Katja;B");

        RunOutcome outcome = run(input);

        assertThat(outcome.exitCode()).isEqualTo(RunOutcome.SOME_ROWS_FAILED);
        assertThat(results()).extracting(r -> r.get("status")).containsExactly("SUCCEEDED", "INVALID");
        assertThat(Files.readString(output().resolve("failed.csv"))).startsWith("id;text;voice_id;kurs").contains("2;;de-DE-Katja;B");
    }
}
