package com.akoolnarrator.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.akoolnarrator.cli.RunOutcome;
import com.akoolnarrator.JobTestSupport;
import com.akoolnarrator.akool.AkoolClient;
import com.akoolnarrator.akool.VoicesCommand;

@ExtendWith(OutputCaptureExtension.class)
class UserExperienceTests extends JobTestSupport {

    @Autowired
    AkoolClient akoolClient;

    @Test
    void aDryRunReportsWhatWouldBeSubmittedAndItsCostWithoutSubmittingAnything() throws Exception {
        Path input = csv("lessons.csv", "id,text,voice_id,voice_url",
                "done,Already narrated.,en-US-Jenny,", "a,Twenty characters!!,en-US-Jenny,",
                "b,Ten chars.,,https://cdn.example.com/v.mp3", "bad,,en-US-Jenny,");
        Path first = csv("first.csv", "id,text,voice_id,voice_url", "done,Already narrated.,en-US-Jenny,");
        assertThat(run(first).exitCode()).isZero();
        simulator.resetCounters();

        RunOutcome dryRun = command.run(input, output(), true);

        assertThat(dryRun.exitCode()).isEqualTo(RunOutcome.SOME_ROWS_FAILED);
        assertThat(dryRun.message()).contains("dry run of 4 rows: 2 would be submitted (1 clone, 1 create), 29 characters",
                "about 0.1 credits at 4.4 per 1,000", "1 reused from earlier runs", "1 invalid",
                "INVALID line 5, column 'text': is empty");
        assertThat(simulator.calls("create") + simulator.calls("clone") + simulator.calls("info")).isZero();
        assertThat(Files.exists(output().resolve("a.mp3"))).isFalse();

        RunOutcome clean = command.run(first, output(), true);
        assertThat(clean.exitCode()).isZero();
        assertThat(clean.message()).contains("0 would be submitted", "1 reused");
    }

    @Test
    void withoutATerminalProgressIsAPlainLogLineEveryInterval(CapturedOutput output) throws Exception {
        simulatorSettings.setProcessingBase(Duration.ofMillis(600));
        List<String> lines = new ArrayList<>(List.of("id,text,voice_id"));
        for (int i = 1; i <= 20; i++) {
            lines.add("r" + i + ",Text " + i + ".,en-US-Jenny");
        }

        assertThat(run(csv("course.csv", lines.toArray(String[]::new))).exitCode()).isZero();

        assertThat(output.getAll()).containsPattern("Progress: \\d+/20 rows done \\(\\d+ downloaded, \\d+ at Akool, \\d+ to submit,"
                + " \\d+ failed, \\d+ invalid\\); [0-9.]+ rows/s");
        assertThat(output.getAll()).doesNotContain("\u001b[").doesNotContain("\r");
        assertThat(output.getAll()).containsPattern("Done: 20 rows: 20 succeeded, 0 failed, 0 invalid; \\d+ characters narrated"
                + " \\(about [0-9.]+ credits at 4.4 per 1,000\\)");
    }

    @Test
    void voicesAreListedAsATableOrAsCsv() throws Exception {
        VoicesCommand voices = new VoicesCommand(akoolClient);
        ByteArrayOutputStream table = new ByteArrayOutputStream();
        voices.print("table", new PrintStream(table, true, StandardCharsets.UTF_8));
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        voices.print("csv", new PrintStream(csv, true, StandardCharsets.UTF_8));

        assertThat(table.toString(StandardCharsets.UTF_8)).startsWith("voice_id").contains("en-US-Jenny", "Female", "own")
            .contains("6 voices");
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
            .parse(new StringReader(csv.toString(StandardCharsets.UTF_8))).getRecords();
        assertThat(rows).hasSize(6);
        assertThat(rows.get(0).toMap()).containsOnlyKeys("voice_id", "name", "gender", "language", "source", "preview_url");
        assertThat(rows).filteredOn(r -> r.get("source").equals("own")).extracting(r -> r.get("voice_id"))
            .containsExactly("own-narrator-1");
    }
}
