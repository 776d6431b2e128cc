package com.akoolnarrator.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.akoolnarrator.JobTestSupport;
import com.akoolnarrator.cli.RunOutcome;
import com.akoolnarrator.simulator.AkoolSimulator;

/**
 * Every downloaded MP3 is listened to by measurement (issue 22): the simulator speaks, and each fault it can put in a
 * take earns exactly its flag in results.csv, while clean takes earn none.
 */
class AudioCheckJobTests extends JobTestSupport {

    /** About 13 s of speech at the simulator's 15 characters a second: long enough for a 6 s gap inside it. */
    static final String SCRIPT = "In this lesson we look at how a narration is measured before anyone publishes it so that a"
            + " silent or clipped or cut off file never reaches a learner; each chapter is read at a steady pace";

    private static final Map<String, String> FLAG_OF_FAULT = Map.of("SILENT", "SILENT", "CUT_OFF", "TOO_SHORT",
            "TOO_LONG", "TOO_LONG", "LONG_SILENCE", "LONG_SILENCE", "CLIPPED", "CLIPPED", "TOO_QUIET", "TOO_QUIET",
            "TOO_LOUD", "TOO_LOUD");

    /**
     * An input's lines: {@code clean} rows of the script ({@code clean1}...), then a row for each fault the simulator
     * is asked to put in its take, with the fault as its id.
     */
    static String[] scriptRows(int clean, String... faults) {
        List<String> lines = new ArrayList<>(List.of("id,text,voice_id"));
        for (int i = 1; i <= clean; i++) {
            lines.add("clean" + i + "," + SCRIPT + " " + i + ".,en-US-Jenny");
        }
        for (String fault : faults) {
            lines.add(fault + "," + SCRIPT + " " + AkoolSimulator.AUDIO_MARKER + fault + "]].,en-US-Jenny");
        }
        return lines.toArray(String[]::new);
    }

    @Test
    void cleanSpeechIsMeasuredAndPassesEveryCheck() throws Exception {
        RunOutcome outcome = run(csv("lessons.csv", scriptRows(12)));

        assertThat(outcome.exitCode()).as(outcome.message()).isEqualTo(RunOutcome.ALL_SUCCEEDED);
        assertThat(results()).hasSize(12).allSatisfy(row -> {
            assertThat(row.get("audio_check")).isEqualTo("OK");
            assertThat(Double.parseDouble(row.get("loudness_lufs"))).isCloseTo(-21.9, within(1.0));
            assertThat(Double.parseDouble(row.get("peak_dbfs"))).isLessThan(-1.0);
            assertThat(row.get("gain_db")).isEqualTo("0.0");
        });
    }

    /** In every format the simulator speaks: its 16 kHz voice, and the 128 kbit/s studio ones. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "16k", "24k", "32k", "44k" })
    void eachFaultInATakeEarnsExactlyItsFlag(String speechFormat) throws Exception {
        simulatorSettings.setSpeechFormat(speechFormat);
        Path input = csv("faults.csv", scriptRows(10, FLAG_OF_FAULT.keySet().toArray(String[]::new)));

        RunOutcome outcome = run(input);

        assertThat(outcome.exitCode()).as("flagged rows stay SUCCEEDED: " + outcome.message())
            .isEqualTo(RunOutcome.ALL_SUCCEEDED);
        List<CSVRecord> results = results();
        assertThat(results).hasSize(17);
        for (CSVRecord row : results) {
            String fault = simulator.audioFaultOf(row.get("akool_id"));
            String check = row.get("audio_check");
            if (fault.equals("NONE")) {
                assertThat(check).as(row.get("id")).isEqualTo("OK");
            }
            else {
                assertThat(check).as(row.get("id") + " with " + fault).startsWith(FLAG_OF_FAULT.get(fault) + ": ")
                    .doesNotContain("; ");
            }
        }
        assertThat(outcome.message()).contains("7 files to listen to");
    }
}
