package com.akoolnarrator.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import com.akoolnarrator.JobTestSupport;
import com.akoolnarrator.PostgresSupport;
import com.akoolnarrator.cli.RunOutcome;

/**
 * A receiver that outlives runs (issue 21), on the job database the runs share: callbacks that come while no run reads
 * are kept in the ledger, and the next run downloads their jobs without a single status call. The receiver here is
 * this context's, listening as the {@code webhook-receiver} command does, while the runs only read the ledger.
 */
@PostgresSupport.OnPostgres
@DirtiesContext // settings of its own: its context is closed when the class ends, not kept for the rest
@TestPropertySource(properties = {
        "simulator.api-key=" + CallbackJobTests.KEY,
        "akool.client-id=sim-demo-client",
        "narrator.webhook.receiver=standalone",
        // a run polls a job whose callback has not come within a second; the test whose callbacks come between runs needs
        // no poll at all, and the one whose receiver is another process's finishes by polling
        "narrator.webhook.poll-after=1s" })
class StandaloneReceiverOnPostgresTests extends JobTestSupport {

    private static final int PORT = freePort();

    @DynamicPropertySource
    static void postgresAndCallbacks(DynamicPropertyRegistry registry) {
        PostgresSupport.register(registry);
        registry.add("narrator.webhook.url", () -> "http://127.0.0.1:" + PORT + "/akool/callback");
    }

    @Autowired
    WebhookReceiver receiver;

    @Test
    void callbacksThatCameBetweenRunsAreDownloadedByTheNextRunWithoutPolling() throws Exception {
        Path input = numberedRows("Standalone lesson", 12);
        try (WebhookReceiver.Listening listening = receiver.listen()) {
            simulator.holdJobs(); // Akool finishes the jobs, and calls back, only once the run has stopped
            CompletableFuture<RunOutcome> first = CompletableFuture.supplyAsync(() -> run(input));
            awaitUntil("all 12 accepted", Duration.ofSeconds(30), () -> simulator.acceptedSubmissions() == 12);
            command.requestStop();
            assertThat(first.get(60, TimeUnit.SECONDS).exitCode()).isEqualTo(RunOutcome.JOB_FAILED);
            long recorded = receiver.recordedCallbacks();
            simulator.releaseJobs();

            awaitUntil("Akool's 12 callbacks recorded with no run reading", Duration.ofSeconds(30),
                    () -> receiver.recordedCallbacks() - recorded >= 12 || simulator.callbacks("callbacks-answered-200") >= 12);
            simulator.resetCounters();
            throttle.resume();
            RunOutcome second = run(input);

            assertThat(second.exitCode()).as(second.message()).isEqualTo(RunOutcome.ALL_SUCCEEDED);
            assertThat(results()).hasSize(12).allSatisfy(r -> assertThat(r.get("status")).isEqualTo("SUCCEEDED"));
            assertThat(simulator.calls("create")).as("nothing paid twice").isZero();
            assertThat(simulator.calls("info")).as("no status call: the ledger had every end").isZero();
        }
    }

    @Test
    void aRunWithAStandaloneReceiverDoesNotListenItself() throws Exception {
        try (ServerSocket taken = new ServerSocket(PORT)) {
            RunOutcome outcome = run(numberedRows("Standalone lesson", 3));

            assertThat(outcome.exitCode()).as("the port is another process's: " + outcome.message())
                .isEqualTo(RunOutcome.ALL_SUCCEEDED);
        }
    }
}
