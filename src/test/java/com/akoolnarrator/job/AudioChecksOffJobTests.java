package com.akoolnarrator.job;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import com.akoolnarrator.JobTestSupport;
import com.akoolnarrator.cli.RunOutcome;

/**
 * With the audio check switched off ({@code narrator.audio.checks=false}), every MP3 is downloaded, joined and tagged
 * as always, and results.csv leaves the check's columns empty.
 */
@TestPropertySource(properties = "narrator.audio.checks=false")
class AudioChecksOffJobTests extends JobTestSupport {

    @Test
    void everyRowIsNarratedLongScriptsJoinedAndTheCheckColumnsStayEmpty() throws Exception {
        RunOutcome outcome = run(csv("course.csv", "id,text,voice_id", "intro,Welcome to the course.,en-US-Jenny",
                "module-1,\"" + LongScriptTests.courseScript() + "\",en-US-Guy", "outro,Thank you.,en-US-Jenny"));

        assertThat(outcome.exitCode()).as(outcome.message()).isEqualTo(RunOutcome.ALL_SUCCEEDED);
        assertThat(results()).hasSize(3).allSatisfy(row -> {
            assertThat(row.get("status")).isEqualTo("SUCCEEDED");
            assertThat(row.get("audio_check")).isEmpty();
            assertThat(row.get("loudness_lufs")).isEmpty();
        });
        assertThat(results().get(1).get("akool_id").split(" ")).as("the long script, joined from its parts").hasSize(3);
    }
}
