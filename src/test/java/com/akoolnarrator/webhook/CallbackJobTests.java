package com.akoolnarrator.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import com.akoolnarrator.JobTestSupport;
import com.akoolnarrator.cli.RunOutcome;

/**
 * The job with Akool calling back (issue 21): a verified callback ends a job without a status call; dropped, late,
 * duplicated and forged callbacks leave every row done once, by the polls under them.
 */
@DirtiesContext // settings of its own: its context is closed when the class ends, not kept for the rest
@TestPropertySource(properties = {
        "simulator.api-key=" + CallbackJobTests.KEY,
        "akool.client-id=sim-demo-client",
        "narrator.webhook.poll-after=1s",
        "narrator.webhook.read-timeout=" + CallbackJobTests.READ_TIMEOUT_SECONDS + "s",
        "narrator.webhook.max-connections=" + CallbackJobTests.MAX_CONNECTIONS })
class CallbackJobTests extends JobTestSupport {

    static final String KEY = "sim-test-key-0123456789abcdefghi";
    static final int READ_TIMEOUT_SECONDS = 2;
    static final int MAX_CONNECTIONS = 20;
    private static final int PORT = freePort();

    @DynamicPropertySource
    static void callbackUrl(DynamicPropertyRegistry registry) {
        registry.add("narrator.webhook.url", () -> "http://127.0.0.1:" + PORT + "/akool/callback");
    }

    @Autowired
    WebhookReceiver receiver;

    @Test
    void callbacksEndTheJobsWithoutStatusCalls() throws Exception {
        RunOutcome outcome = run(numberedRows("Lesson", 40));

        assertThat(outcome.exitCode()).as(outcome.message()).isEqualTo(RunOutcome.ALL_SUCCEEDED);
        assertThat(results()).hasSize(40).allSatisfy(r -> assertThat(r.get("status")).isEqualTo("SUCCEEDED"));
        assertThat(simulator.calls("create")).isEqualTo(40);
        assertThat(simulator.calls("info")).as("status calls: none needed").isLessThanOrEqualTo(2);
        assertThat(simulator.calls("create") + simulator.calls("info")).as("API requests for 40 rows")
            .isLessThanOrEqualTo(42);
    }

    @Test
    void droppedLateDuplicatedAndForgedCallbacksLeaveEveryRowDoneOnce() throws Exception {
        simulatorSettings.setCallbackDropRate(0.2);
        simulatorSettings.setCallbackDuplicateRate(0.2);
        simulatorSettings.setCallbackLateRate(0.2);
        simulatorSettings.setCallbackLateBy(Duration.ofSeconds(3));
        simulatorSettings.setCallbackForgedRate(0.2);

        RunOutcome outcome = run(numberedRows("Lesson", 60));

        assertThat(outcome.exitCode()).as(outcome.message()).isEqualTo(RunOutcome.ALL_SUCCEEDED);
        List<CSVRecord> rows = results();
        assertThat(rows).hasSize(60).allSatisfy(r -> assertThat(r.get("status")).isEqualTo("SUCCEEDED"));
        Map<String, Long> faults = new java.util.TreeMap<>();
        for (CSVRecord row : rows) {
            faults.merge(simulator.callbackFaultOf(row.get("akool_id")), 1L, Long::sum);
        }
        assertThat(faults).as("each fault drawn").containsKeys("NONE", "DROPPED", "DUPLICATED", "LATE", "FORGED");
        assertThat(simulator.duplicateSubmissions()).isZero();
        assertThat(simulator.calls("download")).as("each MP3 downloaded once").isEqualTo(60);
        assertThat(simulator.calls("info")).as("the jobs without a good callback in time were polled")
            .isGreaterThanOrEqualTo(faults.get("DROPPED") + faults.get("FORGED"));
        assertThat(receiver.refusedCallbacks()).as("forged callbacks refused").isGreaterThanOrEqualTo(faults.get("FORGED"));
    }

    @Test
    void aRowWithAWebhookOfItsOwnKeepsItAndIsPolled() throws Exception {
        RunOutcome outcome = run(csv("own.csv", "id,text,voice_id,webhook_url",
                "own,Own webhook.,en-US-Jenny,http://127.0.0.1:9/elsewhere", "ours,Ours.,en-US-Jenny,"));

        assertThat(outcome.exitCode()).as(outcome.message()).isEqualTo(RunOutcome.ALL_SUCCEEDED);
        assertThat(simulator.calls("info")).as("the row with its own webhook is polled").isPositive();
    }

    @Test
    void theReceiverRefusesWhatItCannotBelieveAndAnswersNothingElse200() throws Exception {
        WebhookSeal seal = new WebhookSeal("sim-demo-client", KEY);
        long recordedBefore = receiver.recordedCallbacks();
        try (WebhookReceiver.Listening listening = receiver.listen()) {
            String unknown = sealed(seal, "{\"_id\":\"65f8017f5655aaaaaaaaaaaa\",\"status\":3,\"type\":\"audio\","
                    + "\"url\":\"https://example.invalid/a.mp3\"}", String.valueOf(System.currentTimeMillis()));
            assertThat(post("/akool/callback", unknown)).as("a job the ledger does not know").isEqualTo(404);
            assertThat(post("/akool/callback", "x".repeat(WebhookReceiver.MAX_BODY_BYTES + 1))).isEqualTo(413);
            assertThat(post("/akool/callback", unknown.replace("\"signature\":\"", "\"signature\":\"0")))
                .isEqualTo(401);
            assertThat(post("/elsewhere", unknown)).isEqualTo(404);
            assertThat(receiver.recordedCallbacks()).isEqualTo(recordedBefore);
        }
    }

    @Test
    void clientsThatSendSlowlyOrNothingDoNotStarveAkoolsCallbacks() throws Exception {
        try (WebhookReceiver.Listening listening = receiver.listen();
                SlowClients stalled = new SlowClients()) {
            for (int i = 0; i < 4; i++) {
                stalled.open("POST /akool/callback HTTP/1.1\r\nHost: recei");
                stalled.open("POST /akool/callback HTTP/1.1\r\nHost: receiver\r\nContent-Length: 500\r\n\r\n{\"sig");
            }

            long started = System.nanoTime();
            for (int i = 0; i < 5; i++) {
                assertThat(post("/akool/callback", unknownJob())).as("a callback beside 8 stalled clients").isEqualTo(404);
            }
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("5 callbacks answered")
                .isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void aBodyThatTricklesIsCutOffAtTheDeadlineForTheWhole() throws Exception {
        try (WebhookReceiver.Listening listening = receiver.listen();
                SlowClients slow = new SlowClients()) {
            Socket trickling = slow.open("POST /akool/callback HTTP/1.1\r\nHost: receiver\r\nContent-Length: 5000\r\n\r\n");
            slow.trickle(trickling, Duration.ofMillis(300));

            assertThat(slow.statusLine(trickling, Duration.ofSeconds(READ_TIMEOUT_SECONDS * 4L)))
                .as("a byte every 300 ms never meets a 2 s read timeout, the deadline for the body does")
                .startsWith("HTTP/1.1 408");
        }
    }

    @Test
    void idleConnectionsAreBoundedAndTakeNoMoreThanTheirShareOfDescriptors() throws Exception {
        try (WebhookReceiver.Listening listening = receiver.listen();
                SlowClients idle = new SlowClients()) {
            long before = openDescriptors();
            int clients = MAX_CONNECTIONS + 10;
            for (int i = 0; i < clients; i++) {
                idle.open("");
            }
            long held = openDescriptors() - before;

            assertThat(held).as("descriptors of %s idle clients and the receiver's side of at most %s of them", clients,
                    MAX_CONNECTIONS).isLessThanOrEqualTo(clients + MAX_CONNECTIONS + 5);
            long started = System.nanoTime();
            assertThat(post("/akool/callback", unknownJob())).as("a callback behind them").isEqualTo(404);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("answered once the idle ones time out")
                .isLessThan(Duration.ofSeconds(READ_TIMEOUT_SECONDS * 4L));
        }
    }

    private static String unknownJob() {
        return sealed(new WebhookSeal("sim-demo-client", KEY), "{\"_id\":\"65f8017f5655bbbbbbbbbbbb\",\"status\":3,"
                + "\"type\":\"audio\",\"url\":\"https://example.invalid/a.mp3\"}", String.valueOf(System.currentTimeMillis()));
    }

    private static long openDescriptors() {
        return ((com.sun.management.UnixOperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
            .getOpenFileDescriptorCount();
    }

    /** Raw connections to the receiver that send part of a request, or a byte now and then, or nothing. */
    private static final class SlowClients implements AutoCloseable {

        private final List<Socket> sockets = new ArrayList<>();
        private final ScheduledExecutorService trickler = Executors.newSingleThreadScheduledExecutor();

        Socket open(String start) throws IOException {
            Socket socket = new Socket("127.0.0.1", PORT);
            sockets.add(socket);
            socket.getOutputStream().write(start.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return socket;
        }

        void trickle(Socket socket, Duration every) {
            trickler.scheduleAtFixedRate(() -> {
                try {
                    socket.getOutputStream().write('x');
                }
                catch (IOException closed) {
                    throw new UncheckedIOException(closed);
                }
            }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        }

        String statusLine(Socket socket, Duration deadline) throws IOException {
            socket.setSoTimeout(Math.toIntExact(deadline.toMillis()));
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                .readLine();
        }

        @Override
        public void close() throws IOException {
            trickler.shutdownNow();
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }

    private static String sealed(WebhookSeal seal, String plaintext, String timestamp) {
        String data = seal.encrypt(plaintext);
        return "{\"signature\":\"" + seal.sign(timestamp, "1529", data) + "\",\"dataEncrypt\":\"" + data
                + "\",\"timestamp\":\"" + timestamp + "\",\"nonce\":\"1529\"}";
    }

    private static int post(String path, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + path))
            .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
