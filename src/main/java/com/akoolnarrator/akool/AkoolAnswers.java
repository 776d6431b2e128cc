package com.akoolnarrator.akool;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;

import com.akoolnarrator.secrets.KnownSecrets;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * What an answer of Akool's means: its {@code {code,msg,data}} envelope on success, else the failure it is, as
 * {@link AkoolException.Transient}, {@link AkoolException.RowRejected} or {@link AkoolException.Fatal}; the request
 * throttle is told how each answer went (a success, a refusal for the rate, a server's failure).
 */
final class AkoolAnswers {

    /** What came back for one request. */
    record Answer(int status, String body, String retryAfter) {
    }

    /** Akool says the bearer token is invalid or expired (code 1101): a new one is fetched, and the request resent once. */
    static final class TokenExpired extends RuntimeException {

        TokenExpired() {
            super(null, null, false, false);
        }
    }

    private final AkoolCredentials credentials;
    private final AkoolRequestThrottle throttle;
    private final ObjectMapper json;
    private final KnownSecrets secrets;
    private final Clock clock;
    private final Duration maxRetryAfter;

    /**
     * @param secrets       what Akool's messages are cleaned of before anyone records or logs them
     * @param clock         tells when a {@code Retry-After} date is
     * @param maxRetryAfter the longest wait Akool may ask for ({@code akool.max-retry-after}); a longer one ends the run
     */
    AkoolAnswers(AkoolCredentials credentials, AkoolRequestThrottle throttle, ObjectMapper json, KnownSecrets secrets,
            Clock clock, Duration maxRetryAfter) {
        this.credentials = credentials;
        this.throttle = throttle;
        this.json = json;
        this.secrets = secrets;
        this.clock = clock;
        this.maxRetryAfter = maxRetryAfter;
    }

    /** What Akool said beside its code, cleaned of any credential it repeated. */
    String msg(JsonNode envelope) {
        return secrets.redact(envelope.path("msg").asString(""));
    }

    /**
     * The envelope of a successful answer to {@code what} (sent with throttle ticket {@code ticket}).
     *
     * @param tokenMayBeRefreshed whether an expired bearer token may be fetched anew (not twice for one request)
     * @throws TokenExpired when it may, and has to be
     */
    JsonNode envelope(String what, Answer answer, boolean isPost, boolean tokenMayBeRefreshed, long ticket) {
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
                    + (answer.body().isBlank() ? ", empty" : "") + ")", null, null, isPost);
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
                if (tokenMayBeRefreshed && credentials instanceof AkoolCredentials.ClientCredentials) {
                    throw new TokenExpired();
                }
                throw new AkoolException.Fatal(code, said + ": the credentials from " + credentials.source() + " were refused");
            }
            case 1102, 1103, 1109, 1200, 1213, 1221 -> throw new AkoolException.Fatal(code,
                    said + ": the account or credentials from " + credentials.source() + " cannot be used");
            case 1006, 1104 -> throw new AkoolException.Fatal(code, said + ": the Akool account has not enough credit");
            default -> throw new AkoolException.RowRejected(code, said);
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
                    + maxRetryAfter.toString().substring(2).toLowerCase(Locale.ROOT)
                    + "); run the same command again " + until.map(when -> "after " + when).orElse("once Akool answers normally"));
        }
        return asked.delay();
    }
}
