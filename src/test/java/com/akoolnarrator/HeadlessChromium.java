package com.akoolnarrator;

import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real headless Chromium (Debian's {@code chromium}; {@code .ci/run} installs it) driven over the DevTools protocol:
 * open a page, run a script in it, press keys as a person does (each a user gesture, so a player may start). Tests
 * that need one are skipped where it is not installed. Every wait has a deadline.
 */
public final class HeadlessChromium implements AutoCloseable {

    public static final Path EXECUTABLE = Path.of("/usr/bin/chromium");
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final Process process;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> answers = new ConcurrentHashMap<>();

    private HeadlessChromium(Process process, WebSocket socket) {
        this.process = process;
        this.socket = socket;
    }

    /** Starts Chromium with a profile in {@code work}, on a blank page; skips the test where it is not installed. */
    public static HeadlessChromium start(Path work) throws Exception {
        assumeThat(Files.isExecutable(EXECUTABLE)).as("Debian's chromium is installed (.ci/run installs it)").isTrue();
        Path profile = Files.createTempDirectory(work, "chromium");
        Process process = new ProcessBuilder(EXECUTABLE.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--mute-audio", "--remote-debugging-port=0", "--user-data-dir=" + profile, "about:blank")
            .redirectErrorStream(true).redirectOutput(work.resolve("chromium.log").toFile()).start();
        Path activePort = profile.resolve("DevToolsActivePort");
        long end = System.nanoTime() + DEADLINE.toNanos();
        while (!Files.exists(activePort) || Files.readAllLines(activePort).isEmpty()) {
            if (System.nanoTime() > end || !process.isAlive()) {
                process.destroyForcibly();
                throw new AssertionError("Chromium did not open its DevTools port: " + Files.readString(work.resolve("chromium.log")));
            }
            Thread.sleep(20);
        }
        int port = Integer.parseInt(Files.readAllLines(activePort).get(0).strip());
        HttpClient http = HttpClient.newHttpClient();
        JsonNode targets = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
            .build(), HttpResponse.BodyHandlers.ofString()).body());
        String page = null;
        for (JsonNode target : targets) {
            if (target.get("type").asString().equals("page")) {
                page = target.get("webSocketDebuggerUrl").asString();
            }
        }
        CompletableFuture<HeadlessChromium> chromium = new CompletableFuture<>();
        Listener listener = new Listener(chromium);
        WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create(page), listener)
            .get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        HeadlessChromium started = new HeadlessChromium(process, socket);
        chromium.complete(started);
        return started;
    }

    /** Opens {@code url} and waits until it has loaded. */
    public void open(String url) throws Exception {
        send("Page.navigate", Map.of("url", url));
        waitFor("document.readyState === 'complete' && location.href !== 'about:blank'");
    }

    public void reload() throws Exception {
        evaluate("location.reload(), true");
        waitFor("document.readyState === 'complete'");
    }

    /** The value of {@code expression} in the page (a promise: what it resolves to). */
    public JsonNode evaluate(String expression) throws Exception {
        JsonNode answer = send("Runtime.evaluate", Map.of("expression", expression, "awaitPromise", true,
                "returnByValue", true, "userGesture", true));
        if (answer.has("exceptionDetails")) {
            throw new AssertionError("the page's script failed: " + answer.get("exceptionDetails"));
        }
        return answer.get("result").get("value");
    }

    /** Waits until {@code condition} is true in the page, failing with it once the deadline has passed. */
    public void waitFor(String condition) throws Exception {
        long end = System.nanoTime() + DEADLINE.toNanos();
        while (true) {
            JsonNode value = evaluate("!!(" + condition + ")");
            if (value != null && value.asBoolean()) {
                return;
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("waited " + DEADLINE.toSeconds() + " s in Chromium for " + condition + ", in vain");
            }
            Thread.sleep(25);
        }
    }

    /** A key pressed and released, as a keyboard sends it ({@code "j"}, {@code "Enter"}). */
    public void press(String key) throws Exception {
        boolean printable = key.length() == 1;
        send("Input.dispatchKeyEvent", printable ? Map.of("type", "keyDown", "key", key, "text", key)
                : Map.of("type", "keyDown", "key", key, "code", key, "windowsVirtualKeyCode", key.equals("Enter") ? 13 : 0));
        send("Input.dispatchKeyEvent", Map.of("type", "keyUp", "key", key));
    }

    /** Text typed into the focused field. */
    public void type(String text) throws Exception {
        send("Input.insertText", Map.of("text", text));
    }

    private JsonNode send(String method, Map<String, Object> params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        answers.put(id, answer);
        socket.sendText(JSON.writeValueAsString(Map.of("id", id, "method", method, "params", params)), true)
            .get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        JsonNode message = answer.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        if (message.has("error")) {
            throw new AssertionError(method + ": " + message.get("error"));
        }
        return message.get("result");
    }

    @Override
    public void close() throws InterruptedException {
        socket.abort();
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    /** Hands each answer to the request waiting for it; events are not used. */
    private static final class Listener implements WebSocket.Listener {

        private final CompletableFuture<HeadlessChromium> chromium;
        private final StringBuilder message = new StringBuilder();

        Listener(CompletableFuture<HeadlessChromium> chromium) {
            this.chromium = chromium;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            message.append(data);
            if (last) {
                JsonNode received = JSON.readTree(message.toString());
                message.setLength(0);
                if (received.has("id")) {
                    chromium.join().answers.remove(received.get("id").asInt()).complete(received);
                }
            }
            webSocket.request(1);
            return null;
        }
    }
}
