package com.akoolnarrator.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

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
    private static final Pattern RATE = Pattern.compile("(\\d{1,3})%");

    private final SimulatorSettings settings;
    private final ObjectMapper json = JsonMapper.builder().build();
    private final Map<String, SimJob> jobs = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> submissionsByContent = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> calls = new ConcurrentHashMap<>();
    private final Set<String> tokens = ConcurrentHashMap.newKeySet();
    private final List<Map<String, Object>> voices = new ArrayList<>();
    private final AtomicLong ids = new AtomicLong(0x65f8017f5655_0000L);
    private final Object rateLock = new Object();
    private final ThreadLocal<Random> random;
    private double rateTokens;
    private long rateRefilledAt = System.nanoTime();
    private HttpServer server;
    private ExecutorService executor;

    public AkoolSimulator(SimulatorSettings settings) {
        this.settings = settings;
        AtomicLong seeds = new AtomicLong(settings.getSeed());
        this.random = ThreadLocal.withInitial(() -> new Random(seeds.getAndIncrement()));
        addVoice("en-US-Jenny", "Jenny", "Female", "en-US", 3);
        addVoice("en-US-Guy", "Guy", "Male", "en-US", 3);
        addVoice("en-GB-Sonia", "Sonia", "Female", "en-GB", 3);
        addVoice("de-DE-Katja", "Katja", "Female", "de-DE", 3);
        addVoice("fr-FR-Henri", "Henri", "Male", "fr-FR", 3);
        addVoice("own-narrator-1", "Course narrator (own)", "Male", "en-US", 4);
    }

    private void addVoice(String id, String name, String gender, String language, int from) {
        Map<String, Object> voice = new LinkedHashMap<>();
        voice.put("voice_id", id);
        voice.put("name", name);
        voice.put("gender", gender);
        voice.put("language", language);
        voice.put("preview", "https://example.invalid/voices/" + id + ".mp3");
        voice.put("from", from);
        voices.add(voice);
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
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
        }
    }

    // ---- what tests and benchmarks read ----

    /** Requests seen by endpoint: "create", "clone", "info", "voices", "token", "quota", "download". */
    public long calls(String endpoint) {
        AtomicLong count = calls.get(endpoint);
        return count == null ? 0 : count.get();
    }

    /** Jobs accepted (create or clone answered 1000): what Akool would bill. */
    public long acceptedSubmissions() {
        return submissionsByContent.values().stream().mapToLong(AtomicInteger::get).sum();
    }

    /** Accepted submissions beyond the first for the same text, voice and rate: credits paid twice. */
    public long duplicateSubmissions() {
        return submissionsByContent.values().stream().mapToLong(c -> Math.max(0, c.get() - 1)).sum();
    }

    public void resetCounters() {
        calls.clear();
        submissionsByContent.clear();
    }

    // ---- HTTP ----

    private void handle(HttpExchange exchange) throws IOException {
        boolean dropped = false;
        try {
            dispatch(exchange);
        }
        catch (DroppedConnection e) {
            dropped = true;
            throw e;
        }
        catch (RuntimeException e) {
            // a bug in the simulator must still answer something a client can classify
            sendRaw(exchange, 500, "text/plain", "simulator error: " + e, null);
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
        Random rnd = random.get();
        if (chance(rnd, settings.getDropRate())) {
            count("dropped");
            drop(exchange);
        }
        if (chance(rnd, settings.getHttp5xxRate())) {
            int[] statuses = { 500, 502, 503, 504 };
            count("http5xx");
            int status = statuses[rnd.nextInt(statuses.length)];
            // a gateway in maintenance (503) says when to come back; the others do not
            sendRaw(exchange, status, "text/html", "<html><body><h1>Bad Gateway</h1></body></html>",
                    status == 503 ? settings.getRetryAfterSeconds() : null);
            return;
        }
        if (chance(rnd, settings.getHttp429Rate())) {
            count("http429");
            sendRaw(exchange, 429, "application/json", "{\"message\":\"Too Many Requests\"}", settings.getRetryAfterSeconds());
            return;
        }
        route(exchange, path, rnd);
    }

    private void route(HttpExchange exchange, String path, Random rnd) throws IOException {
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
            sendRaw(exchange, 404, "text/html", "<html><body>Not Found</body></html>", null);
            return;
        }
        boolean post = endpoint.equals("create") || endpoint.equals("clone");
        if (post != method.equals("POST")) {
            sendRaw(exchange, 405, "text/plain", "Method Not Allowed", null);
            return;
        }
        count(endpoint);
        Integer authError = authenticate(exchange);
        if (authError != null) {
            envelope(exchange, authError, authError == 1102 ? "authorization cannot be empty" : "invalid authorization", null);
            return;
        }
        if (!takeRateToken()) {
            count("rate-limited");
            if (settings.getRateLimitSignal() == SimulatorSettings.RateLimitSignal.HTTP_429) {
                sendRaw(exchange, 429, "application/json", "{\"message\":\"Too Many Requests\"}", settings.getRetryAfterSeconds());
            }
            else {
                envelope(exchange, 1005, "operation is too frequent", null);
            }
            return;
        }
        if (chance(rnd, settings.getRateLimitCodeRate())) {
            envelope(exchange, 1005, "operation is too frequent", null);
            return;
        }
        if (chance(rnd, settings.getServerErrorCodeRate())) {
            envelope(exchange, 2001, "server error", null);
            return;
        }
        switch (endpoint) {
            case "create", "clone" -> submit(exchange, endpoint.equals("clone"), rnd);
            case "info" -> info(exchange);
            case "voices" -> voices(exchange);
            default -> envelope(exchange, 1000, "OK", Map.of("credit", settings.getCredits()));
        }
    }

    private Integer authenticate(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization != null) {
            String token = authorization.startsWith("Bearer ") ? authorization.substring(7).trim() : "";
            return tokens.contains(token) ? null : 1101;
        }
        String key = exchange.getRequestHeaders().getFirst("x-api-key");
        if (key == null || key.isBlank()) {
            return 1102;
        }
        return MessageDigest.isEqual(key.getBytes(StandardCharsets.UTF_8), settings.getApiKey().getBytes(StandardCharsets.UTF_8)) ? null : 1101;
    }

    private void token(HttpExchange exchange) throws IOException {
        count("token");
        JsonNode body = readJson(exchange);
        if (body == null) {
            envelope(exchange, 1003, "invalid JSON body", null);
            return;
        }
        boolean valid = settings.getClientId().equals(body.path("clientId").asString(""))
                && settings.getApiKey().equals(body.path("clientSecret").asString(""));
        if (!valid) {
            envelope(exchange, 1101, "invalid clientId or clientSecret", null);
            return;
        }
        String token = "simtok-" + Long.toHexString(random.get().nextLong());
        tokens.add(token);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("code", 1000);
        answer.put("token", token);
        send(exchange, answer);
    }

    private void submit(HttpExchange exchange, boolean clone, Random rnd) throws IOException {
        JsonNode body = readJson(exchange);
        if (body == null) {
            envelope(exchange, 1003, "invalid JSON body", null);
            return;
        }
        String text = body.path("input_text").asString("");
        String rate = body.path("rate").asString("");
        String voiceId = body.path("voice_id").asString("");
        String voiceUrl = body.path("voice_url").asString("");
        String problem = null;
        if (text.isBlank()) {
            problem = "input_text is required";
        }
        else if (text.trim().split("\\s+").length > 5000) {
            problem = "input_text is limited to 5000 words";
        }
        else if (!validRate(rate)) {
            problem = "rate must be a percentage from 0% to 100%";
        }
        else if (clone && voiceId.isBlank() && voiceUrl.isBlank()) {
            problem = "voice_url or voice_id is required";
        }
        else if (clone && !voiceUrl.isBlank() && !voiceUrl.matches("(?i)https?://.+")) {
            problem = "voice_url must be an http(s) URL";
        }
        else if (!clone && voiceId.isBlank()) {
            problem = "voice_id is required";
        }
        else if (!voiceId.isBlank() && voices.stream().noneMatch(v -> v.get("voice_id").equals(voiceId))) {
            problem = "voice_id " + voiceId + " does not exist";
        }
        else if (text.contains(REJECT_MARKER)) {
            problem = "input_text was rejected by content review";
        }
        if (problem != null) {
            envelope(exchange, 1003, problem, null);
            return;
        }
        double price = text.codePointCount(0, text.length()) * settings.getCreditsPerThousandChars() / 1000;
        synchronized (this) {
            if (settings.getCredits() < price) {
                envelope(exchange, 1006, "insufficient credit balance", null);
                return;
            }
            settings.setCredits(settings.getCredits() - price);
        }
        long now = System.currentTimeMillis();
        long processingMillis = settings.getProcessingBase().toMillis()
                + settings.getProcessingPerChar().toNanos() * text.length() / 1_000_000;
        boolean fails = text.contains(FAIL_MARKER) || chance(rnd, settings.getFailedJobRate());
        SimJob job = new SimJob(String.format("%024x", ids.incrementAndGet()), text, rate, voiceId, voiceUrl, now,
                now + processingMillis, fails);
        jobs.put(job.id, job);
        submissionsByContent.computeIfAbsent(sha256(text + "\u0000" + voiceId + "\u0000" + voiceUrl + "\u0000" + rate),
                k -> new AtomicInteger()).incrementAndGet();
        envelope(exchange, 1000, "OK", jobData(job, now));
    }

    private void info(HttpExchange exchange) throws IOException {
        String id = query(exchange).get("audio_model_id");
        SimJob job = id == null ? null : jobs.get(id);
        long now = System.currentTimeMillis();
        if (job == null || now > job.readyAt + settings.getRetention().toMillis()) {
            envelope(exchange, 1008, "audio does not exist", null);
            return;
        }
        boolean failed = job.fails && now >= job.readyAt;
        envelope(exchange, 1000, failed ? "audio generation failed: the voice model could not render this text" : "OK",
                jobData(job, now));
    }

    private Map<String, Object> jobData(SimJob job, long now) {
        int status;
        if (now < job.createdAt + (job.readyAt - job.createdAt) / 5) {
            status = 1;
        }
        else if (now < job.readyAt) {
            status = 2;
        }
        else {
            status = job.fails ? 4 : 3;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("_id", job.id);
        data.put("create_time", job.createdAt);
        data.put("uid", 101400);
        data.put("from", 3);
        data.put("input_text", job.text);
        data.put("rate", job.rate);
        data.put("voice_model_id", job.voiceId.isBlank() ? job.id : job.voiceId);
        data.put("status", status);
        data.put("url", status == 3 ? baseUrl() + "/files/" + job.id + ".mp3" : null);
        data.put("__v", 0);
        return data;
    }

    private void voices(HttpExchange exchange) throws IOException {
        String from = query(exchange).get("from");
        List<Map<String, Object>> selected = voices.stream()
            .filter(v -> from == null || String.valueOf(v.get("from")).equals(from))
            .toList();
        envelope(exchange, 1000, "OK", selected);
    }

    private void download(HttpExchange exchange, String file) throws IOException {
        count("download");
        sleep(settings.getLatency().toMillis());
        String id = file.replaceFirst("\\.mp3$", "");
        SimJob job = jobs.get(id);
        long now = System.currentTimeMillis();
        Random rnd = random.get();
        if (job == null || job.fails || now < job.readyAt) {
            sendRaw(exchange, 404, "application/xml", "<Error><Code>NoSuchKey</Code></Error>", null);
            return;
        }
        if (now > job.readyAt + settings.getRetention().toMillis() || job.expired(rnd, settings.getExpiredUrlRate())) {
            sendRaw(exchange, 403, "application/xml", "<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>", null);
            return;
        }
        if (chance(rnd, settings.getDropRate())) {
            drop(exchange);
            return;
        }
        if (chance(rnd, settings.getHttp5xxRate())) {
            sendRaw(exchange, 503, "text/html", "<html>Service Unavailable</html>", null);
            return;
        }
        byte[] mp3 = SilentMp3.ofSeconds(job.text.length() / settings.getCharactersPerSecondOfSpeech());
        if (chance(rnd, settings.getCorruptDownloadRate())) {
            count("corrupt");
            sendRaw(exchange, 200, "text/html", "<html><body>Gateway maintenance</body></html>", null);
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "audio/mpeg");
        exchange.sendResponseHeaders(200, mp3.length);
        OutputStream out = exchange.getResponseBody();
        if (chance(rnd, settings.getTruncatedDownloadRate())) {
            count("truncated");
            out.write(mp3, 0, mp3.length / 2);
            out.flush();
            drop(exchange);
            return;
        }
        out.write(mp3);
    }

    /** {@code GET /simulator/stats}: what the simulator has seen, for benchmarks and for checking a run by hand. */
    private void stats(HttpExchange exchange) throws IOException {
        Map<String, Object> stats = new LinkedHashMap<>();
        calls.forEach((name, count) -> stats.put(name, count.get()));
        stats.put("accepted", acceptedSubmissions());
        stats.put("duplicates", duplicateSubmissions());
        send(exchange, stats);
    }

    // ---- helpers ----

    private boolean takeRateToken() {
        double limit = settings.getRequestsPerSecond();
        if (limit <= 0) {
            return true;
        }
        synchronized (rateLock) {
            long now = System.nanoTime();
            rateTokens = Math.min(limit, rateTokens + (now - rateRefilledAt) / 1e9 * limit);
            rateRefilledAt = now;
            if (rateTokens >= 1) {
                rateTokens -= 1;
                return true;
            }
            return false;
        }
    }

    private static boolean validRate(String rate) {
        var matcher = RATE.matcher(rate);
        return matcher.matches() && Integer.parseInt(matcher.group(1)) <= 100;
    }

    private void count(String what) {
        calls.computeIfAbsent(what, k -> new AtomicLong()).incrementAndGet();
    }

    private static boolean chance(Random rnd, double rate) {
        return rate > 0 && rnd.nextDouble() < rate;
    }

    private JsonNode readJson(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            JsonNode node = json.readTree(in.readAllBytes());
            return node != null && node.isObject() ? node : null;
        }
        catch (tools.jackson.core.JacksonException e) {
            return null;
        }
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> params = new LinkedHashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return params;
    }

    private void envelope(HttpExchange exchange, int code, String msg, Object data) throws IOException {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("code", code);
        answer.put("msg", msg);
        answer.put("data", data);
        send(exchange, answer);
    }

    private void send(HttpExchange exchange, Map<String, Object> answer) throws IOException {
        sendRaw(exchange, 200, "application/json", json.writeValueAsString(answer), null);
    }

    private static void sendRaw(HttpExchange exchange, int status, String contentType, String body, Integer retryAfter)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        if (retryAfter != null) {
            exchange.getResponseHeaders().set("Retry-After", String.valueOf(retryAfter));
        }
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    /** Closes the TCP connection under the exchange, so that the client sees no (or no complete) answer. */
    private static void drop(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().close();
        throw new DroppedConnection();
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

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Thrown out of the handler: the JDK server then closes the connection without answering. */
    private static final class DroppedConnection extends IOException {
        DroppedConnection() {
            super("connection dropped on purpose", null);
        }
    }

    private static final class SimJob {
        final String id;
        final String text;
        final String rate;
        final String voiceId;
        final String voiceUrl;
        final long createdAt;
        final long readyAt;
        final boolean fails;
        private Boolean expired;

        SimJob(String id, String text, String rate, String voiceId, String voiceUrl, long createdAt, long readyAt, boolean fails) {
            this.id = id;
            this.text = text;
            this.rate = rate;
            this.voiceId = voiceId;
            this.voiceUrl = voiceUrl;
            this.createdAt = createdAt;
            this.readyAt = readyAt;
            this.fails = fails;
        }

        /** Whether this job's URL is one of the expired ones: decided once, so that retries see the same. */
        synchronized boolean expired(Random rnd, double rate) {
            if (expired == null) {
                expired = chance(rnd, rate);
            }
            return expired;
        }
    }
}
