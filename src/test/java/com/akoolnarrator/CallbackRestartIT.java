package com.akoolnarrator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar with Akool calling back (issue 21), killed with SIGKILL after the callbacks were recorded and
 * before their MP3s could be downloaded: the same command downloads them, paying nothing again.
 */
class CallbackRestartIT extends PackagedJarSupport {

    private static final String WEBHOOK_KEY = "it-key-5d1e-0123456789abcdefghij";
    private static final int ROWS = 20;

    @BeforeEach
    void akoolCallsBackAndDownloadsBreakOff() {
        settings.setApiKey(WEBHOOK_KEY);
        settings.setProcessingBase(Duration.ofMillis(300));
        settings.setProcessingPerChar(Duration.ZERO);
        settings.setTruncatedDownloadRate(1.0);
    }

    @AfterEach
    void restore() {
        settings.clearFaults();
        settings.setApiKey(KEY);
    }

    @Test
    void killedBetweenTheCallbacksAndTheDownloadsTheSameCommandDownloadsWithoutPayingTwice() throws Exception {
        Path input = input();
        Process first = start(input, "first.log");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (simulator.callbacks("callbacks-answered-200") < ROWS || simulator.calls("download") < 1) {
            assertThat(System.nanoTime()).as(() -> "the callbacks are recorded: " + log("first.log")).isLessThan(deadline);
            Thread.sleep(10);
        }
        Thread.sleep(1_000); // past H2's write delay: what was committed is on disk
        first.destroyForcibly();
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(simulator.acceptedSubmissions()).isEqualTo(ROWS);

        settings.setTruncatedDownloadRate(0);
        simulator.resetCounters();
        Process second = start(input, "second.log");
        assertThat(second.waitFor(120, TimeUnit.SECONDS)).isTrue();

        assertThat(second.exitValue()).as(log("second.log")).isZero();
        assertThat(simulator.calls("create")).as("nothing paid twice").isZero();
        assertThat(simulator.duplicateSubmissions()).isZero();
        assertThat(results(work.resolve("out")).values()).hasSize(ROWS)
            .allSatisfy(r -> assertThat(r.get("status")).isEqualTo("SUCCEEDED"));
        System.out.printf("rerun after SIGKILL past %d callbacks: %d status calls, %d downloads%n", ROWS,
                simulator.calls("info"), simulator.calls("download"));
    }

    private Process start(Path input, String logName) throws IOException {
        List<String> arguments = List.of("--input=" + input, "--output-dir=" + work.resolve("out"),
                "--narrator.webhook.url=http://127.0.0.1:" + freePort() + "/akool/callback",
                "--akool.client-id=" + settings.getClientId(), "--narrator.webhook.poll-after=30s");
        ProcessBuilder builder = jar(arguments).redirectErrorStream(true).redirectOutput(work.resolve(logName).toFile());
        builder.environment().put("AKOOL_API_KEY", WEBHOOK_KEY);
        return builder.start();
    }

    private Path input() throws IOException {
        List<String> lines = new ArrayList<>(List.of("id,text,voice_id"));
        for (int i = 1; i <= ROWS; i++) {
            lines.add("lesson-" + i + ",Lesson " + i + " is called back.,en-US-Jenny");
        }
        return Files.write(work.resolve("course.csv"), lines, StandardCharsets.UTF_8);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
