package com.akoolnarrator.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import com.akoolnarrator.JobTestSupport;
import com.akoolnarrator.audio.MeasuredLevels;
import com.akoolnarrator.cli.RunOutcome;
import com.akoolnarrator.storage.Sha256;

/**
 * Levelling on request and {@code flagged-rows=fail} (issue 22): every file brought to the target by its global gain,
 * its recorded sha256 the levelled file's; a flagged row FAILED, and a rerun narrates that row alone again.
 */
@DirtiesContext // settings of its own: its context is closed when the class ends, not kept for the rest
@TestPropertySource(properties = { "narrator.audio.loudness-target=-23", "narrator.audio.flagged-rows=fail" })
class AudioLevellingAndFailModeTests extends JobTestSupport {

    @Test
    void everyFileIsLevelledToTheTargetUnderThePeakCeiling() throws Exception {
        RunOutcome outcome = run(csv("lessons.csv", AudioCheckJobTests.scriptRows(6, "TOO_QUIET")));

        assertThat(outcome.exitCode()).as(outcome.message()).isEqualTo(RunOutcome.ALL_SUCCEEDED);
        for (CSVRecord row : results()) {
            Path file = output().resolve(row.get("file"));
            MeasuredLevels decoded = MeasuredLevels.of(file);
            assertThat(decoded.loudnessLufs()).as(row.get("id")).isCloseTo(-23.0, within(1.0));
            assertThat(decoded.peakDbfs()).as(row.get("id")).isLessThanOrEqualTo(-1.0);
            assertThat(Double.parseDouble(row.get("loudness_lufs"))).isCloseTo(decoded.loudnessLufs(), within(0.3));
            // the clean takes (-21.9 LUFS) one step down; the quiet one (-33.9 LUFS) seven steps up, and no longer flagged
            assertThat(Double.parseDouble(row.get("gain_db"))).isCloseTo(row.get("id").equals("TOO_QUIET") ? 10.5 : -1.5,
                    within(0.1));
            assertThat(row.get("sha256")).isEqualTo(Sha256.ofFile(file));
            assertThat(row.get("audio_check")).isEqualTo("OK");
        }
    }

    @Test
    void aFlaggedRowFailsAndARerunNarratesItAloneAgain() throws Exception {
        Path input = csv("lessons.csv", AudioCheckJobTests.scriptRows(6, "CUT_OFF", "LONG_SILENCE"));

        RunOutcome first = run(input);

        assertThat(first.exitCode()).as(first.message()).isEqualTo(RunOutcome.SOME_ROWS_FAILED);
        assertThat(results()).filteredOn(row -> row.get("status").equals("FAILED")).extracting(row -> row.get("id"))
            .containsExactly("CUT_OFF", "LONG_SILENCE");
        assertThat(results()).filteredOn(row -> row.get("id").equals("CUT_OFF")).singleElement()
            .satisfies(row -> assertThat(row.get("error")).startsWith("the audio check flagged it").contains("TOO_SHORT",
                    "a rerun narrates it again, and pays for it"));
        assertThat(readCsv(output().resolve("failed.csv"))).hasSize(2);
        assertThat(simulator.calls("create")).isEqualTo(8);

        RunOutcome rerun = run(input);

        assertThat(rerun.exitCode()).as(rerun.message()).isEqualTo(RunOutcome.ALL_SUCCEEDED);
        assertThat(simulator.calls("create")).as("only the two flagged rows narrated again").isEqualTo(10);
        assertThat(results()).allSatisfy(row -> assertThat(row.get("audio_check")).isEqualTo("OK"));
    }
}
