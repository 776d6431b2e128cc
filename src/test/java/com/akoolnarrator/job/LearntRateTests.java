package com.akoolnarrator.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import com.akoolnarrator.JobTestSupport;
import com.akoolnarrator.cli.RunOutcome;
import com.akoolnarrator.database.JobDatabaseConfiguration;

/** Without a rate given, the job finds the account's rate from Akool's answers and remembers it. */
@ExtendWith(OutputCaptureExtension.class)
@DirtiesContext // settings of its own: its context is closed when the class ends, not kept for the rest
@TestPropertySource(properties = { "akool.requests-per-second=", "akool.start-requests-per-second=10" })
class LearntRateTests extends JobTestSupport {

    /** A context of its own (another rate setting), so a job database of its own: H2 lets one context open a file. */
    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) throws IOException {
        Path folder = Files.createTempDirectory("narrator-learnt-rate-db");
        registry.add("narrator.test.database-url", () -> "jdbc:h2:file:" + folder.resolve("narrator")
                + JobDatabaseConfiguration.H2_OPTIONS);
    }

    @Test
    void againstAnAccountSlowerThanTheStartingRateEveryRowSucceedsFewRequestsAreRefusedAndTheNextRunStartsWhereItSettled(
            CapturedOutput output) throws Exception {
        assertThat(throttle.isLearning()).isTrue();
        simulatorSettings.setRequestsPerSecond(5);

        RunOutcome outcome = run(csv("lessons.csv", rows("a", 25)));

        assertThat(outcome.exitCode()).as(outcome.message()).isZero();
        long requests = simulator.calls("create") + simulator.calls("info") + simulator.calls("voices");
        long refused = simulator.calls("rate-limited");
        // learning costs a refusal episode or two (a first refusal, with nothing to compare it with, does not end the
        // slow start): in a run of 60 requests that is 10-20 % of them, whereas over a long run it is 2 % (the
        // benchmark's figure at 300 rows); a rate that never settled would be refused about half the time
        assertThat((double) refused / requests).as(refused + " of " + requests + " requests refused").isLessThan(0.3);
        assertThat(throttle.settledRate()).isBetween(3.0, 7.0);
        assertThat(outcome.message()).contains("request budget: up to", "learnt from Akool's answers");

        run(csv("more.csv", rows("b", 5)));

        assertThat(output.getAll()).contains("the rate Akool accepted in the last run");
    }

    private static String[] rows(String prefix, int count) {
        List<String> lines = new ArrayList<>(List.of("id,text,voice_id"));
        for (int i = 1; i <= count; i++) {
            lines.add(prefix + i + ",Lesson " + i + ".,en-US-Jenny");
        }
        return lines.toArray(String[]::new);
    }
}
