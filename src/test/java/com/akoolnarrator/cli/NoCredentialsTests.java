package com.akoolnarrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.akoolnarrator.JobTestSupport;
import com.akoolnarrator.akool.AkoolClient;
import com.akoolnarrator.akool.AkoolConnection;
import com.akoolnarrator.akool.CreditPrice;
import com.akoolnarrator.audio.AudioInspector;
import com.akoolnarrator.database.FolderLock;
import com.akoolnarrator.job.NarrationLauncher;
import com.akoolnarrator.ledger.RunRegistry;
import com.akoolnarrator.ledger.RunStatistics;
import com.akoolnarrator.review.Verdicts;

class NoCredentialsTests extends JobTestSupport {

    @Autowired
    NarrationLauncher launcher;

    @Autowired
    RunStatistics statistics;

    @Autowired
    RunRegistry registry;

    @Autowired
    AkoolClient akoolClient;

    @Autowired
    FolderLock folderLock;

    @Autowired
    RunProgress runProgress;

    @Autowired
    AudioInspector audioInspector;

    @Autowired
    Verdicts verdicts;

    @Test
    void noCredentialsIsAUsageErrorThatNamesWhereToPutTheKey() throws Exception {
        NarrationCommand withoutKey = new NarrationCommand(launcher,
                new RunSummary(statistics, registry, throttle, new CreditPrice(4.4), akoolClient, verdicts),
                new AkoolConnection(URI.create("https://openapi.akool.com"), Optional.empty()), runProgress,
                Clock.systemUTC(), folderLock, audioInspector, null);
        Path input = csv("lessons.csv", "id,text,voice_id", "a,Alpha.,en-US-Jenny");

        RunOutcome outcome = withoutKey.run(input, output());

        assertThat(outcome.exitCode()).isEqualTo(RunOutcome.USAGE);
        assertThat(outcome.message()).contains("AKOOL_API_KEY");
        assertThat(Files.exists(output().resolve("results.csv"))).isFalse();
    }
}
