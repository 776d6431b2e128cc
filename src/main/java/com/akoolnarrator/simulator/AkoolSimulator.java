package com.akoolnarrator.simulator;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import com.akoolnarrator.storage.Mp3Format;

import tools.jackson.databind.JsonNode;

/**
 * A stand-in for Akool's v3 text-to-speech API, on loopback, for the demo, the tests and the benchmarks. It follows
 * {@code shared/akool-api.md}: the {@code {code,msg,data}} envelope, x-api-key or bearer authentication, request
 * validation, a job life cycle (queueing, processing, then completed or failed) whose length grows with the text, MP3
 * files whose size follows the text, and the faults of a real service, injected at configurable rates.
 * <p>
 * Two markers in a text make a row's fate deterministic for tests: {@code [[fail]]} makes the job end in status 4, and
 * {@code [[reject]]} makes create/clone answer 1003.
 */
public class AkoolSimulator implements AutoCloseable {

    static {
        // The JDK server otherwise leaves Nagle's algorithm on: each answer (headers, then body) then waits ~40 ms for
        // the client's delayed ACK, which would make the simulator, not the job, the bottleneck of every benchmark.
        // Read once, when the server classes load, so it is set before any server is created.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    public static final String FAIL_MARKER = "[[fail]]";
    public static final String REJECT_MARKER = "[[reject]]";
    /** A text with this marker makes a job Akool never finishes: it stays in status 2, processing. */
    public static final String STUCK_MARKER = "[[stuck]]";
    /**
     * {@code [[audio:CLIPPED]]} (or another of {@link #audioFaultOf}'s faults) in a text: the first job made of that
     * text gets audio with that fault; a job made of it again (a rerun) gets a clean take, as Akool would, most days.
     */
    public static final String AUDIO_MARKER = "[[audio:";

    private final SimulatorSettings settings;
    private final FaultInjector faults;
    private final SimulatedAkool akool;
    private final SimulatedCallbacks callbacks;
    private final SimulatorExchanges exchanges = new SimulatorExchanges();
    /** The recordings of each format, read when a download first asks for it. */
    private final Map<String, SpokenMp3> speech = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> calls = new ConcurrentHashMap<>();
    private HttpServer server;
    private ExecutorService executor;

    public AkoolSimulator(SimulatorSettings settings) {
        this.settings = settings;
        this.faults = new FaultInjector(settings);
        this.callbacks = new SimulatedCallbacks(settings, faults);
        this.akool = new SimulatedAkool(settings, faults, () -> baseUrl() + "/files/", callbacks);
    }

    public AkoolSimulator start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), settings.getPort()), 512);
        executor = Executors.newFixedThreadPool(settings.getThreads(), runnable -> {
            Thread thread = new Thread(runnable, "akool-simulator");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        return this;
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public SimulatorSettings settings() {
        return settings;
    }

    @Override
    public void close() {
        callbacks.close();
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
        }
    }

    // ---- what tests and benchmarks read and set ----

    /** Requests seen by endpoint: "create", "clone", "info", "voices", "token", "quota", "download". */
    public long calls(String endpoint) {
        AtomicLong count = calls.get(endpoint);
        return count == null ? 0 : count.get();
    }

    /** Jobs accepted (create or clone answered 1000): what Akool would bill. */
    public long acceptedSubmissions() {
        return akool.acceptedSubmissions();
    }

    /** Accepted submissions beyond the first for the same text, voice and rate: credits paid twice. */
    public long duplicateSubmissions() {
        return akool.duplicateSubmissions();
    }

    /** Every job is forgotten, as past Akool's retention. */
    public void forgetJobs() {
        akool.forgetJobs();
    }

    /**
     * Every job created from now on stays processing until {@link #releaseJobs()}: a test holds a run open this way, as
     * long as it needs and no longer, instead of making every job slow.
     */
    public void holdJobs() {
        akool.holdJobs();
    }

    /** The held jobs end now, as they would have; new jobs take their usual time again. */
    public void releaseJobs() {
        akool.releaseJobs();
    }

    /**
     * What is wrong with job {@code akoolId}'s audio: NONE, SILENT, CUT_OFF, TOO_LONG, LONG_SILENCE, CLIPPED, TOO_QUIET
     * or TOO_LOUD; null for a job never created.
     */
    public String audioFaultOf(String akoolId) {
        SpokenMp3.Fault fault = akool.audioFaultOf(akoolId);
        return fault == null ? null : fault.name();
    }

    /** What happened to job {@code akoolId}'s callback: NONE, DROPPED, DUPLICATED, LATE or FORGED; null without one. */
    public String callbackFaultOf(String akoolId) {
        SimulatedCallbacks.Fault fault = callbacks.faultOf(akoolId);
        return fault == null ? null : fault.name();
    }

    /** Callbacks sent, answered 200, refused (any other answer), dropped: by name. */
    public long callbacks(String what) {
        return callbacks.counts().getOrDefault(what, 0L);
    }

    public void resetCounters() {
        callbacks.resetCounters();
        calls.clear();
        akool.resetCounters();
    }

    /** The account's balance now: what submissions have left of {@code simulator.credits}, or what was set since. */
    public double credits() {
        return akool.credits();
    }

    public void setCredits(double credits) {
        akool.setCredits(credits);
    }

    // ---- HTTP ----

    private void handle(HttpExchange exchange) throws IOException {
        boolean dropped = false;
        try {
            dispatch(exchange);
        }
        catch (SimulatorExchanges.DroppedConnection e) {
            dropped = true;
            throw e;
        }
        catch (RuntimeException e) {
            // a bug in the simulator must still answer something a client can classify
            SimulatorExchanges.sendRaw(exchange, 500, "text/plain", "simulator error: " + e, null);
        }
        finally {
            if (!dropped) {
                exchange.close();
            }
        }
    }

    private void dispatch(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/simulator/stats")) {
            stats(exchange);
            return;
        }
        if (path.startsWith("/files/")) {
            download(exchange, path.substring("/files/".length()));
            return;
        }
        sleep(settings.getLatency().toMillis());
        if (faults.chance(settings.getSilentRate())) {
            // read, never answered: Akool's gateway holding the connection; the client's timeout or our close ends it
            count("silent");
            sleep(settings.getSilentFor().toMillis());
            SimulatorExchanges.drop(exchange);
        }
        if (faults.chance(settings.getDropRate())) {
            count("dropped");
            SimulatorExchanges.drop(exchange);
        }
        if (faults.chance(settings.getHttp5xxRate())) {
            count("http5xx");
            int status = faults.pick(new Integer[] { 500, 502, 503, 504 });
            // a gateway in maintenance (503) says when to come back; the others do not
            SimulatorExchanges.sendRaw(exchange, status, "text/html", "<html><body><h1>Bad Gateway</h1>"
                    + (settings.isEchoCredentials() ? "<p>request x-api-key: " + exchange.getRequestHeaders().getFirst("x-api-key")
                            + "</p>" : "") + "</body></html>",
                    status == 503 ? settings.getRetryAfter() : null);
            return;
        }
        if (faults.chance(settings.getHttp429Rate())) {
            count("http429");
            SimulatorExchanges.sendRaw(exchange, 429, "application/json", "{\"message\":\"Too Many Requests\"}", settings.getRetryAfter());
            return;
        }
        route(exchange, path);
    }

    private void route(HttpExchange exchange, String path) throws IOException {
        String method = exchange.getRequestMethod();
        if (method.equals("POST") && path.equals("/api/open/v3/getToken")) {
            token(exchange);
            return;
        }
        String endpoint = switch (path) {
            case "/api/open/v3/audio/create" -> "create";
            case "/api/open/v3/audio/clone" -> "clone";
            case "/api/open/v3/audio/infobymodelid" -> "info";
            case "/api/open/v3/voice/list" -> "voices";
            case "/api/open/v3/faceswap/quota/info" -> "quota";
            default -> null;
        };
        if (endpoint == null) {
            SimulatorExchanges.sendRaw(exchange, 404, "text/html", "<html><body>Not Found</body></html>", null);
            return;
        }
        boolean post = endpoint.equals("create") || endpoint.equals("clone");
        if (post != method.equals("POST")) {
            SimulatorExchanges.sendRaw(exchange, 405, "text/plain", "Method Not Allowed", null);
            return;
        }
        count(endpoint);
        Integer authError = akool.authenticate(exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst("x-api-key"));
        if (authError != null) {
            exchanges.envelope(exchange, authError, authError == 1102 ? "authorization cannot be empty" : "invalid authorization", null);
            return;
        }
        if (!faults.takeRateToken()) {
            count("rate-limited");
            if (settings.getRateLimitSignal() == SimulatorSettings.RateLimitSignal.HTTP_429) {
                SimulatorExchanges.sendRaw(exchange, 429, "application/json", "{\"message\":\"Too Many Requests\"}", settings.getRetryAfter());
            }
            else {
                exchanges.envelope(exchange, 1005, "operation is too frequent", null);
            }
            return;
        }
        if (faults.chance(settings.getRateLimitCodeRate())) {
            exchanges.envelope(exchange, 1005, "operation is too frequent", null);
            return;
        }
        if (faults.chance(settings.getServerErrorCodeRate())) {
            exchanges.envelope(exchange, 2001, "server error", null);
            return;
        }
        SimulatedAkool.Answer answer = switch (endpoint) {
            case "create", "clone" -> submit(exchange, endpoint.equals("clone"));
            case "info" -> akool.info(SimulatorExchanges.query(exchange).get("audio_model_id"));
            case "voices" -> akool.voices(SimulatorExchanges.query(exchange).get("from"));
            default -> akool.quota();
        };
        if (answer.code() == 1000 && post && faults.chance(settings.getUnreadableSuccessRate())) {
            // accepted and billed, but what reaches the client is a gateway's page
            SimulatorExchanges.sendRaw(exchange, 200, "text/html", "<html><body>Request received</body></html>", null);
            return;
        }
        exchanges.envelope(exchange, answer.code(), answer.msg(), answer.data());
    }

    private void token(HttpExchange exchange) throws IOException {
        count("token");
        JsonNode body = exchanges.readJson(exchange);
        if (body == null) {
            exchanges.envelope(exchange, 1003, "invalid JSON body", null);
            return;
        }
        String token = akool.token(body.path("clientId").asString(""), body.path("clientSecret").asString(""));
        if (token == null) {
            exchanges.envelope(exchange, 1101, "invalid clientId or clientSecret", null);
            return;
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("code", 1000);
        answer.put("token", token);
        exchanges.send(exchange, answer);
    }

    private SimulatedAkool.Answer submit(HttpExchange exchange, boolean clone) throws IOException {
        JsonNode body = exchanges.readJson(exchange);
        if (body == null) {
            return new SimulatedAkool.Answer(1003, "invalid JSON body", null);
        }
        return akool.submit(body.path("input_text").asString(""), body.path("rate").asString(""),
                body.path("voice_id").asString(""), body.path("voice_url").asString(""),
                body.path("webhookUrl").asString(""), clone);
    }

    private void download(HttpExchange exchange, String file) throws IOException {
        count("download");
        sleep(settings.getLatency().toMillis());
        String id = file.replaceFirst("\\.mp3$", "");
        switch (akool.file(id)) {
            case MISSING -> {
                SimulatorExchanges.sendRaw(exchange, 404, "application/xml", "<Error><Code>NoSuchKey</Code></Error>", null);
                return;
            }
            case EXPIRED -> {
                SimulatorExchanges.sendRaw(exchange, 403, "application/xml",
                        "<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>", null);
                return;
            }
            case READY -> {
            }
        }
        if (faults.chance(settings.getRefusedDownloadRate())) {
            SimulatorExchanges.sendRaw(exchange, 403, "text/html", "<html>403 Forbidden</html>", null);
            return;
        }
        if (faults.chance(settings.getDropRate())) {
            SimulatorExchanges.drop(exchange);
            return;
        }
        if (faults.chance(settings.getHttp5xxRate())) {
            SimulatorExchanges.sendRaw(exchange, 503, "text/html", "<html>Service Unavailable</html>", null);
            return;
        }
        byte[] mp3 = speech.computeIfAbsent(settings.getSpeechFormat(), SpokenMp3::new)
            .ofSeconds(akool.textLength(id) / settings.getCharactersPerSecondOfSpeech(), akool.audioFaultOf(id));
        if (faults.chance(settings.getCorruptDownloadRate())) {
            count("corrupt");
            SimulatorExchanges.sendRaw(exchange, 200, "text/html", "<html><body>Gateway maintenance</body></html>", null);
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "audio/mpeg");
        if (faults.chance(settings.getTagOnlyDownloadRate())) {
            count("tag-only");
            int tag = Mp3Format.id3v2Length(mp3);
            exchange.sendResponseHeaders(200, tag);
            exchange.getResponseBody().write(mp3, 0, tag);
            return;
        }
        exchange.sendResponseHeaders(200, mp3.length);
        OutputStream out = exchange.getResponseBody();
        if (faults.chance(settings.getTruncatedDownloadRate())) {
            count("truncated");
            out.write(mp3, 0, mp3.length / 2);
            out.flush();
            SimulatorExchanges.drop(exchange);
            return;
        }
        out.write(mp3);
    }

    /** {@code GET /simulator/stats}: what the simulator has seen, for benchmarks and for checking a run by hand. */
    private void stats(HttpExchange exchange) throws IOException {
        Map<String, Object> stats = new LinkedHashMap<>();
        calls.forEach((name, count) -> stats.put(name, count.get()));
        stats.put("accepted", acceptedSubmissions());
        stats.put("finished-reported", akool.finishedReported());
        stats.put("duplicates", duplicateSubmissions());
        stats.putAll(callbacks.counts());
        exchanges.send(exchange, stats);
    }

    // ---- helpers ----

    private void count(String what) {
        calls.computeIfAbsent(what, k -> new AtomicLong()).incrementAndGet();
    }

    private static void sleep(long millis) {
        if (millis > 0) {
            try {
                TimeUnit.MILLISECONDS.sleep(millis);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
