package com.akoolnarrator.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.akoolnarrator.JobTestSupport;

/**
 * The review page's server over real HTTP: what it serves, a decision saved at once, and what it refuses: another
 * site's requests, a take no longer current, a file outside the folder, and, off the loopback address, anyone without
 * the token printed in the address.
 */
class ReviewServerTests extends JobTestSupport {

    private static final Pattern REQUEST_TOKEN = Pattern.compile("name=\"review-token\" content=\"([^\"]+)\"");

    @Autowired
    ReviewCommand review;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void narrate() throws Exception {
        run(numberedRows("Lesson", 3));
    }

    @Test
    void thePageListsEveryRowWithAPlayerAndSavesADecisionAtOnce() throws Exception {
        try (ReviewCommand.Serving serving = review.serve(output(), "127.0.0.1", 0, "alice")) {
            assertThat(serving.url()).isEqualTo("http://127.0.0.1:" + serving.port() + "/");
            HttpResponse<String> page = get(serving.url());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();
            String token = requestToken(page.body());

            JsonNode rows = json(get(serving.url() + "rows").body());
            assertThat(rows.get("reviewer").asString()).isEqualTo("alice");
            assertThat(rows.get("rows")).hasSize(3);
            JsonNode first = rows.get("rows").get(0);
            assertThat(first.get("id").asString()).isEqualTo("r1");
            assertThat(first.get("text").asString()).isEqualTo("Lesson 1.");
            assertThat(first.get("audio").asString()).isEqualTo("audio/2/1");

            HttpResponse<byte[]> audio = http.send(HttpRequest.newBuilder(URI.create(serving.url() + "audio/2/1")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(audio.statusCode()).isEqualTo(200);
            assertThat(audio.headers().firstValue("Content-Type")).contains("audio/mpeg");
            assertThat(audio.body()).isEqualTo(Files.readAllBytes(output().resolve("r1.mp3")));
            HttpResponse<byte[]> range = http.send(HttpRequest.newBuilder(URI.create(serving.url() + "audio/2/1"))
                .header("Range", "bytes=10-19").build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(range.statusCode()).isEqualTo(206);
            assertThat(range.body()).hasSize(10);

            HttpResponse<String> saved = decide(serving.url(), token, "{\"line\":3,\"take\":1,\"decision\":\"redo\","
                    + "\"reason\":\"says \\\"SQL\\\" as a word\"}");
            assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
            assertThat(json(saved.body()).get("decision").asString()).isEqualTo("redo");
            assertThat(json(get(serving.url() + "rows").body()).get("rows").get(1).get("reason").asString())
                .as("saved in the job database, not in the page").isEqualTo("says \"SQL\" as a word");

            HttpResponse<String> stale = decide(serving.url(), token, "{\"line\":3,\"take\":2,\"decision\":\"approve\"}");
            assertThat(stale.statusCode()).isEqualTo(409);
            assertThat(json(stale.body()).get("error").asString()).contains("reload the page");
            assertThat(decide(serving.url(), token, "{\"line\":3,\"take\":1,\"decision\":\"maybe\"}").statusCode())
                .isEqualTo(400);
        }
    }

    @Test
    void anotherSitesRequestsAreRefusedAndNoFileOutsideTheFolderIsServed() throws Exception {
        Files.writeString(work.resolve("secret.txt"), "not for the page");
        try (ReviewCommand.Serving serving = review.serve(output(), "127.0.0.1", 0, "alice")) {
            String token = requestToken(get(serving.url()).body());
            String body = "{\"line\":2,\"take\":1,\"decision\":\"redo\"}";

            assertThat(post(serving.url(), body, "application/json", null).statusCode()).as("without the page's token")
                .isEqualTo(403);
            assertThat(post(serving.url(), body, "text/plain", token).statusCode()).as("a form's content type")
                .isEqualTo(403);
            assertThat(http.send(HttpRequest.newBuilder(URI.create(serving.url() + "decision"))
                .header("Content-Type", "application/json").header(RequestGuard.DECISION_HEADER, token)
                .header("Origin", "https://evil.example").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).as("from another origin").isEqualTo(403);
            assertThat(rawStatus(serving.port(), "GET /rows HTTP/1.1\r\nHost: rebound.evil.example:" + serving.port()
                    + "\r\nConnection: close\r\n\r\n")).as("a name rebound to this machine").isEqualTo(403);
            assertThat(rawStatus(serving.port(), "GET /audio/2/1/../../../secret.txt HTTP/1.1\r\nHost: 127.0.0.1:"
                    + serving.port() + "\r\nConnection: close\r\n\r\n")).isEqualTo(404);
            assertThat(get(serving.url() + "audio/9/1").statusCode()).as("no such line").isEqualTo(404);
            assertThat(json(get(serving.url() + "rows").body()).get("rows").get(0).get("decision").isNull()).isTrue();
        }
    }

    @Test
    void offTheLoopbackAddressEveryRequestNeedsTheTokenInTheAddress() throws Exception {
        try (ReviewCommand.Serving serving = review.serve(output(), "0.0.0.0", 0, "alice")) {
            assertThat(serving.url()).matches("http://localhost:\\d+/\\?token=[\\w-]{32}");
            String base = "http://127.0.0.1:" + serving.port() + "/";
            String token = serving.url().substring(serving.url().indexOf("token=") + 6);

            assertThat(get(base).statusCode()).isEqualTo(403);
            assertThat(get(base + "rows?token=wrong").statusCode()).isEqualTo(403);
            assertThat(get(base + "audio/2/1").statusCode()).isEqualTo(403);
            assertThat(get(base + "?token=" + token).statusCode()).isEqualTo(200);
            assertThat(get(base + "audio/2/1?token=" + token).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aFolderWithoutARunAndABusyPortAreOneLineEach() throws Exception {
        assertThatThrownBy(() -> review.serve(work.resolve("elsewhere"), "127.0.0.1", 0, "alice"))
            .isInstanceOf(ReviewRefused.class).hasMessageContaining("no run has narrated into");
        try (ReviewCommand.Serving serving = review.serve(output(), "127.0.0.1", 0, "alice")) {
            assertThatThrownBy(() -> review.serve(output(), "127.0.0.1", serving.port(), "alice"))
                .isInstanceOf(ReviewRefused.class).hasMessageContaining("cannot serve the review page on 127.0.0.1:"
                        + serving.port());
        }
        assertThatThrownBy(() -> review.serve(output(), "no-such-host.invalid", 0, "alice"))
            .isInstanceOf(ReviewRefused.class).hasMessageContaining("--bind=no-such-host.invalid");
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> decide(String base, String token, String body) throws IOException, InterruptedException {
        return post(base, body, "application/json", token);
    }

    private HttpResponse<String> post(String base, String body, String contentType, String token)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "decision")).header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header(RequestGuard.DECISION_HEADER, token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A request as written, for what an HTTP client will not send (another Host, a path it would normalise). */
    private static int rawStatus(int port, String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            return Integer.parseInt(status.substring(9, 12));
        }
    }

    private static String requestToken(String page) {
        Matcher token = REQUEST_TOKEN.matcher(page);
        assertThat(token.find()).isTrue();
        return token.group(1);
    }

    private static JsonNode json(String body) {
        return JsonMapper.builder().build().readTree(body);
    }
}
