package com.akoolnarrator.akool;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.akoolnarrator.secrets.KnownSecrets;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Akool's v3 text-to-speech API over HttpClient 5: one method per endpoint, the {@code {code,msg,data}} envelope
 * unwrapped, and every failure classified as {@link AkoolException.Transient}, {@link AkoolException.RowRejected} or
 * {@link AkoolException.Fatal}. It does not retry: retrying is the job's decision (a retried create bills twice).
 */
public class AkoolClient {

    /** {@code voice/list?from=}: Akool's voices, and the account's own. */
    public static final int AKOOL_VOICES = 3;
    public static final int OWN_VOICES = 4;

    private static final Logger log = LoggerFactory.getLogger(AkoolClient.class);
    private static final int MAX_BODY_CHARS = 1 << 20;
    /** The longest job id and audio URL the job keeps (see the tables in db/migration/V2__ledger_tables.sql); Akool's ids have 24 characters. */
    private static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofMinutes(5);

    private final URI baseUrl;
    private final AkoolCredentials credentials;
    private final CloseableHttpClient http;
    private final AkoolRequestThrottle throttle;
    private final ObjectMapper json;
    private final KnownSecrets secrets;
    private final Clock clock;
    private final Duration maxRetryAfter;
    private final Map<String, AtomicLong> requests = new ConcurrentHashMap<>();
    private final AtomicReference<String> bearerToken = new AtomicReference<>();

    public AkoolClient(URI baseUrl, AkoolCredentials credentials, CloseableHttpClient http,
            AkoolRequestThrottle throttle, ObjectMapper json) {
        this(baseUrl, credentials, http, throttle, json, secretsOf(credentials));
    }

    /** @param secrets what Akool's messages are cleaned of before anyone records or logs them */
    public AkoolClient(URI baseUrl, AkoolCredentials credentials, CloseableHttpClient http,
            AkoolRequestThrottle throttle, ObjectMapper json, KnownSecrets secrets) {
        this(baseUrl, credentials, http, throttle, json, secrets, Clock.systemUTC(), DEFAULT_MAX_RETRY_AFTER);
    }

    /**
     * @param clock tells when a {@code Retry-After} date is
     * @param maxRetryAfter the longest wait Akool may ask for ({@code akool.max-retry-after}); a longer one ends the run
     */
    public AkoolClient(URI baseUrl, AkoolCredentials credentials, CloseableHttpClient http,
            AkoolRequestThrottle throttle, ObjectMapper json, KnownSecrets secrets, Clock clock, Duration maxRetryAfter) {
        this.clock = clock;
        this.maxRetryAfter = maxRetryAfter;
        this.baseUrl = baseUrl;
        this.credentials = credentials;
        this.http = http;
        this.throttle = throttle;
        this.json = json;
        this.secrets = secrets;
    }

    /** The secrets in a set of credentials: the key, or the client secret. */
    public static KnownSecrets secretsOf(AkoolCredentials credentials) {
        KnownSecrets secrets = new KnownSecrets();
        if (credentials instanceof AkoolCredentials.ApiKey apiKey) {
            secrets.add(apiKey.key());
        }
        else if (credentials instanceof AkoolCredentials.ClientCredentials client) {
            secrets.add(client.clientSecret());
        }
        return secrets;
    }

    /** What Akool said beside its code, cleaned of any credential it repeated. */
    private String msg(JsonNode envelope) {
        return secrets.redact(envelope.path("msg").asString(""));
    }

    public AkoolCredentials credentials() {
        return credentials;
    }

    /** {@code POST audio/create} or {@code audio/clone}, whichever the request calls for. */
    public AudioJob submit(SpeechRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("input_text", request.inputText());
        if (request.isClone()) {
            body.put("voice_url", request.voiceUrl());
        }
        else {
            body.put("voice_id", request.voiceId());
        }
        body.put("rate", request.rate());
        body.put("webhookUrl", request.webhookUrl() == null ? "" : request.webhookUrl());
        HttpPost post = new HttpPost(baseUrl.resolve(request.endpointPath()));
        post.setEntity(new StringEntity(json.writeValueAsString(body), ContentType.APPLICATION_JSON));
        JsonNode envelope = call(post, true, AkoolRequestThrottle.Priority.NEW_WORK);
        String id = envelope.path("data").path("_id").asString("");
        if (id.isBlank() || id.length() > AudioJob.MAX_ID_LENGTH) {
            throw new AkoolException.Unconfirmed(1000, "Akool accepted the request but returned no job id"
                    + (id.isBlank() ? "" : " (its answer's _id has " + id.length() + " characters)")
                    + "; not resent, to avoid paying twice");
        }
        return toAudioJob(envelope);
    }

    /** {@code GET audio/infobymodelid}: the job's current status. */
    public AudioJob audioInfo(String akoolId) {
        String query = "?audio_model_id=" + URLEncoder.encode(akoolId, StandardCharsets.UTF_8);
        return toAudioJob(call(new HttpGet(baseUrl.resolve("/api/open/v3/audio/infobymodelid" + query)), true));
    }

    /** {@code GET faceswap/quota/info}: the account's credit balance ({@code data.credit}). */
    public double credit() {
        JsonNode data = call(new HttpGet(baseUrl.resolve("/api/open/v3/faceswap/quota/info")), true).path("data");
        if (!data.path("credit").isNumber()) {
            throw new AkoolException.RowRejected(1000, "Akool's balance answer has no credit");
        }
        return data.path("credit").asDouble();
    }

    /**
     * A request failed as this exception says: wait what Akool asked of it ({@code Retry-After}), if anything, before it
     * is sent again; the wait ends at once when the run stops.
     */
    public void waitAsAsked(AkoolException.Transient failure) {
        if (failure.retryAfter() != null) {
            throttle.waitAsAsked(failure.retryAfter());
        }
    }

    /** The run is stopping: nothing more is sent, and every wait for the budget ends with {@link RequestsStopped}. */
    public void stopSending() {
        throttle.stop();
    }

    /** A run begins: requests may be sent. */
    public void resumeSending() {
        throttle.resume();
    }

    /** Requests sent so far, by kind: create, clone, status, voices, balance, token. */
    public Map<String, Long> requestCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        requests.forEach((kind, count) -> counts.put(kind, count.get()));
        return counts;
    }

    private void count(ClassicHttpRequest request) {
        String path = request.getPath().replaceFirst("\\?.*", "");
        String kind = path.endsWith("/audio/create") ? "create" : path.endsWith("/audio/clone") ? "clone"
                : path.endsWith("/infobymodelid") ? "status" : path.endsWith("/voice/list") ? "voices"
                : path.endsWith("/quota/info") ? "balance" : path.endsWith("/getToken") ? "token" : "other";
        requests.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
    }

    /** Every voice the account may use: Akool's ({@code from=3}), then the account's own ({@code from=4}). */
    public List<Voice> accountVoices() {
        List<Voice> voices = new ArrayList<>(voices(AKOOL_VOICES));
        voices.addAll(voices(OWN_VOICES));
        return voices;
    }

    /** {@code GET voice/list}: Akool's voices ({@code from=3}) or the account's own ({@code from=4}). */
    public List<Voice> voices(int from) {
        JsonNode data = call(new HttpGet(baseUrl.resolve("/api/open/v3/voice/list?from=" + from)), true).path("data");
        List<Voice> voices = new ArrayList<>();
        for (JsonNode v : data) {
            voices.add(new Voice(v.path("voice_id").asString(""), text(v, "name"), text(v, "gender"),
                    text(v, "language"), text(v, "preview"), from)); // the list asked for says whose it is
        }
        return voices;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private AudioJob toAudioJob(JsonNode envelope) {
        JsonNode data = envelope.path("data");
        String id = data.path("_id").asString(null);
        if (id == null || id.isBlank()) {
            throw new AkoolException.Transient(0, "Akool answered success without a job id", null, null);
        }
        String url = data.hasNonNull("url") ? data.get("url").asString() : null;
        if (url != null && url.length() > AudioJob.MAX_URL_LENGTH) {
            throw new AkoolException.RowRejected(1000, "Akool's audio URL has " + url.length() + " characters, more than"
                    + " the " + AudioJob.MAX_URL_LENGTH + " the job keeps");
        }
        return new AudioJob(id, data.path("status").asInt(0), url, msg(envelope));
    }

    private JsonNode call(ClassicHttpRequest request, boolean mayRefreshToken) {
        return call(request, mayRefreshToken, AkoolRequestThrottle.Priority.FOLLOW_UP);
    }

    private JsonNode call(ClassicHttpRequest request, boolean mayRefreshToken, AkoolRequestThrottle.Priority priority) {
        authenticate(request);
        long ticket = throttle.acquire(priority);
        count(request);
        String what = request.getMethod() + " " + request.getPath().replaceFirst("\\?.*", "");
        Answer answer;
        try {
            answer = http.execute(request, response -> {
                Header retryAfter = response.getFirstHeader("Retry-After");
                String body = response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity(), MAX_BODY_CHARS);
                return new Answer(response.getCode(), body, retryAfter == null ? null : retryAfter.getValue());
            });
        }
        catch (IOException e) {
            throttle.serverFailed(null);
            throw transportFailure(what, e);
        }
        return unwrap(what, answer, request, mayRefreshToken, ticket);
    }

    private AkoolException.Transient transportFailure(String what, IOException e) {
        if (e instanceof ConnectException) {
            return new AkoolException.Transient(0, what + ": cannot connect to " + baseUrl.getHost() + " (" + e.getMessage() + ")", null, e);
        }
        if (e instanceof InterruptedIOException) {
            return new AkoolException.Transient(0, what + ": timed out (" + e.getClass().getSimpleName() + ")", null, e);
        }
        return new AkoolException.Transient(0, what + ": connection failed (" + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", null, e);
    }

    private JsonNode unwrap(String what, Answer answer, ClassicHttpRequest request, boolean mayRefreshToken, long ticket) {
        int status = answer.status();
        if (status == 429) {
            Duration retryAfter = waitAskedFor(what, answer);
            throttle.slowDown(retryAfter, ticket);
            throw new AkoolException.Transient(429, what + ": HTTP 429 too many requests", retryAfter, null);
        }
        if (status >= 500) {
            Duration retryAfter = waitAskedFor(what, answer);
            throttle.serverFailed(retryAfter);
            throw new AkoolException.Transient(status, what + ": HTTP " + status + " from Akool", retryAfter, null);
        }
        if (status == 401 || status == 403) {
            throw new AkoolException.Fatal(status, what + ": HTTP " + status + ": Akool refused the credentials from " + credentials.source());
        }
        JsonNode envelope;
        try {
            envelope = json.readTree(answer.body());
        }
        catch (JacksonException e) {
            envelope = null;
        }
        if (envelope == null || !envelope.isObject() || !envelope.has("code")) {
            if (status >= 400) {
                throw new AkoolException.RowRejected(status, what + ": HTTP " + status + " from Akool");
            }
            // a create or clone answered like this may have been accepted: the caller resends it once at most
            throw new AkoolException.Transient(status, what + ": Akool's answer was not its JSON envelope (HTTP " + status
                    + (answer.body().isBlank() ? ", empty" : "") + ")", null, null, request.getMethod().equals("POST"));
        }
        int code = envelope.path("code").asInt(-1);
        String msg = msg(envelope);
        if (code == 1000) {
            throttle.onSuccess(ticket);
            return envelope;
        }
        String said = what + ": Akool code " + code + (msg.isBlank() ? "" : " (" + msg + ")");
        switch (code) {
            case 1005 -> {
                Duration retryAfter = waitAskedFor(what, answer);
                throttle.slowDown(retryAfter, ticket);
                throw new AkoolException.Transient(code, said + ": rate limited", retryAfter, null);
            }
            case 2001, 1017, 1110, 1112, 1201 -> {
                throttle.serverFailed(null);
                throw new AkoolException.Transient(code, said, null, null);
            }
            case 1101 -> {
                if (mayRefreshToken && credentials instanceof AkoolCredentials.ClientCredentials) {
                    log.info("Akool says the bearer token is invalid or expired; getting a new one");
                    bearerToken.set(null);
                    request.removeHeaders("Authorization");
                    return call(request, false);
                }
                throw new AkoolException.Fatal(code, said + ": the credentials from " + credentials.source() + " were refused");
            }
            case 1102, 1103, 1109, 1200, 1213, 1221 -> throw new AkoolException.Fatal(code,
                    said + ": the account or credentials from " + credentials.source() + " cannot be used");
            case 1006, 1104 -> throw new AkoolException.Fatal(code, said + ": the Akool account has not enough credit");
            default -> throw new AkoolException.RowRejected(code, said);
        }
    }

    private void authenticate(ClassicHttpRequest request) {
        if (credentials instanceof AkoolCredentials.ApiKey apiKey) {
            request.setHeader("x-api-key", apiKey.key());
        }
        else if (credentials instanceof AkoolCredentials.ClientCredentials client) {
            request.setHeader("Authorization", "Bearer " + token(client));
        }
    }

    private String token(AkoolCredentials.ClientCredentials client) {
        String token = bearerToken.get();
        if (token != null) {
            return token;
        }
        synchronized (bearerToken) {
            if (bearerToken.get() == null) {
                HttpPost post = new HttpPost(baseUrl.resolve("/api/open/v3/getToken"));
                Map<String, String> body = Map.of("clientId", client.clientId(), "clientSecret", client.clientSecret());
                post.setEntity(new StringEntity(json.writeValueAsString(body), ContentType.APPLICATION_JSON));
                JsonNode envelope = callWithoutAuth(post);
                String fresh = envelope.path("token").asString("");
                if (fresh.isBlank()) {
                    throw new AkoolException.Fatal(0, "getToken: Akool answered without a token for the client credentials from " + client.source());
                }
                secrets.add(fresh);
                bearerToken.set(fresh);
            }
            return bearerToken.get();
        }
    }

    private JsonNode callWithoutAuth(ClassicHttpRequest request) {
        long ticket = throttle.acquire();
        count(request);
        try {
            Answer answer = http.execute(request, response -> new Answer(response.getCode(),
                    response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity(), MAX_BODY_CHARS), null));
            return unwrap("POST /api/open/v3/getToken", answer, request, false, ticket);
        }
        catch (IOException e) {
            throw new AkoolException.Transient(0, "getToken: connection failed (" + e.getClass().getSimpleName() + ")", null, e);
        }
    }

    /**
     * The wait Akool asked for with its answer, null when it asked for none; a wait beyond {@code akool.max-retry-after}
     * ends the run (a gateway's mistake or a long maintenance: the run would sit silent for as long).
     */
    private Duration waitAskedFor(String what, Answer answer) {
        RetryAfter asked = RetryAfter.parse(answer.retryAfter(), clock).orElse(null);
        if (asked == null) {
            return null;
        }
        if (asked.longerThan(maxRetryAfter)) {
            Optional<Instant> until = asked.until().map(when -> when.truncatedTo(ChronoUnit.SECONDS));
            throw new AkoolException.Fatal(answer.status(), what + ": Akool asks the job to wait "
                    + until.map(when -> "until " + when).orElse("for longer than a century")
                    + " (Retry-After: " + answer.retryAfter().strip() + "), longer than akool.max-retry-after ("
                    + maxRetryAfter.toString().substring(2).toLowerCase(java.util.Locale.ROOT)
                    + "); run the same command again " + until.map(when -> "after " + when).orElse("once Akool answers normally"));
        }
        return asked.delay();
    }

    private record Answer(int status, String body, String retryAfter) {
    }
}
