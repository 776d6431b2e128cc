package com.akoolnarrator.akool;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;

import com.akoolnarrator.secrets.KnownSecrets;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Akool's v3 text-to-speech API over HttpClient 5: one method per endpoint, its answer taken from the
 * {@code {code,msg,data}} envelope ({@link AkoolAnswers} classifies every failure as {@link AkoolException.Transient},
 * {@link AkoolException.RowRejected} or {@link AkoolException.Fatal}; {@link AkoolTransport} sends). It does not retry:
 * retrying is the job's decision (a retried create bills twice).
 */
public class AkoolClient {

    /** {@code voice/list?from=}: Akool's voices, and the account's own. */
    public static final int AKOOL_VOICES = 3;
    public static final int OWN_VOICES = 4;

    private static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofMinutes(5);

    private final AkoolCredentials credentials;
    private final AkoolRequestThrottle throttle;
    private final ObjectMapper json;
    private final AkoolAnswers answers;
    private final AkoolTransport transport;

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
        this.credentials = credentials;
        this.throttle = throttle;
        this.json = json;
        this.answers = new AkoolAnswers(credentials, throttle, json, secrets, clock, maxRetryAfter);
        this.transport = new AkoolTransport(baseUrl, credentials, http, throttle, answers, json, secrets);
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
        HttpPost post = new HttpPost(transport.resolve(request.endpointPath()));
        post.setEntity(new StringEntity(json.writeValueAsString(body), ContentType.APPLICATION_JSON));
        JsonNode envelope = transport.call(post, AkoolRequestThrottle.Priority.NEW_WORK);
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
        return toAudioJob(transport.call(new HttpGet(transport.resolve("/api/open/v3/audio/infobymodelid" + query))));
    }

    /** {@code GET faceswap/quota/info}: the account's credit balance ({@code data.credit}). */
    public double credit() {
        JsonNode data = transport.call(new HttpGet(transport.resolve("/api/open/v3/faceswap/quota/info"))).path("data");
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
        return transport.requestCounts();
    }

    /** Every voice the account may use: Akool's ({@code from=3}), then the account's own ({@code from=4}). */
    public List<Voice> accountVoices() {
        List<Voice> voices = new ArrayList<>(voices(AKOOL_VOICES));
        voices.addAll(voices(OWN_VOICES));
        return voices;
    }

    /** {@code GET voice/list}: Akool's voices ({@code from=3}) or the account's own ({@code from=4}). */
    public List<Voice> voices(int from) {
        JsonNode data = transport.call(new HttpGet(transport.resolve("/api/open/v3/voice/list?from=" + from))).path("data");
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
        return new AudioJob(id, data.path("status").asInt(0), url, answers.msg(envelope));
    }
}
