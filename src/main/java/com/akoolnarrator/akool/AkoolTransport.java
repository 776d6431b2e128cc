package com.akoolnarrator.akool;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.akoolnarrator.akool.AkoolAnswers.Answer;
import com.akoolnarrator.secrets.KnownSecrets;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * How a request reaches Akool: with the account's credentials (its API key, or a bearer token fetched for its client
 * credentials and fetched anew when Akool says it expired), within the request throttle's budget, counted by kind, its
 * answer read (a bounded body) and classified by {@link AkoolAnswers}.
 */
final class AkoolTransport {

    private static final Logger log = LoggerFactory.getLogger(AkoolClient.class);
    private static final int MAX_BODY_CHARS = 1 << 20;

    private final URI baseUrl;
    private final AkoolCredentials credentials;
    private final CloseableHttpClient http;
    private final AkoolRequestThrottle throttle;
    private final AkoolAnswers answers;
    private final ObjectMapper json;
    private final KnownSecrets secrets;
    private final Map<String, AtomicLong> requests = new ConcurrentHashMap<>();
    private final AtomicReference<String> bearerToken = new AtomicReference<>();

    AkoolTransport(URI baseUrl, AkoolCredentials credentials, CloseableHttpClient http, AkoolRequestThrottle throttle,
            AkoolAnswers answers, ObjectMapper json, KnownSecrets secrets) {
        this.baseUrl = baseUrl;
        this.credentials = credentials;
        this.http = http;
        this.throttle = throttle;
        this.answers = answers;
        this.json = json;
        this.secrets = secrets;
    }

    URI resolve(String path) {
        return baseUrl.resolve(path);
    }

    /** The envelope of Akool's successful answer to {@code request}; a request that follows up earlier work. */
    JsonNode call(ClassicHttpRequest request) {
        return call(request, true, AkoolRequestThrottle.Priority.FOLLOW_UP);
    }

    /** The envelope of Akool's successful answer to {@code request}, sent with {@code priority} within the budget. */
    JsonNode call(ClassicHttpRequest request, AkoolRequestThrottle.Priority priority) {
        return call(request, true, priority);
    }

    /** Requests sent so far, by kind: create, clone, status, voices, balance, token. */
    Map<String, Long> requestCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        requests.forEach((kind, count) -> counts.put(kind, count.get()));
        return counts;
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
        try {
            return answers.envelope(what, answer, request.getMethod().equals("POST"), mayRefreshToken, ticket);
        }
        catch (AkoolAnswers.TokenExpired expired) {
            log.info("Akool says the bearer token is invalid or expired; getting a new one");
            bearerToken.set(null);
            request.removeHeaders("Authorization");
            return call(request, false, AkoolRequestThrottle.Priority.FOLLOW_UP);
        }
    }

    private void count(ClassicHttpRequest request) {
        String path = request.getPath().replaceFirst("\\?.*", "");
        String kind = path.endsWith("/audio/create") ? "create" : path.endsWith("/audio/clone") ? "clone"
                : path.endsWith("/infobymodelid") ? "status" : path.endsWith("/voice/list") ? "voices"
                : path.endsWith("/quota/info") ? "balance" : path.endsWith("/getToken") ? "token" : "other";
        requests.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
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
            return answers.envelope("POST /api/open/v3/getToken", answer, true, false, ticket);
        }
        catch (IOException e) {
            throw new AkoolException.Transient(0, "getToken: connection failed (" + e.getClass().getSimpleName() + ")", null, e);
        }
    }
}
