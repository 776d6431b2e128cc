package com.akoolnarrator.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import com.akoolnarrator.akool.AudioJob;
import com.akoolnarrator.storage.AudioDownloader;

/**
 * Decides whether a body POSTed to the receiver is a callback Akool signed for this account, and what it says: the
 * signature first, compared in constant time, then the timestamp, then a replay, and only then is the data decrypted
 * and read. A verified callback is remembered once {@link #accepted} says it was recorded, so that the same signed
 * message sent again is refused; Akool signs each delivery anew, so its own second delivery is not a replay.
 */
final class CallbackVerifier {

    /** What a verified callback says of one Akool job. */
    record Callback(String akoolId, int status, String url) {

        boolean completed() {
            return status == AudioJob.COMPLETED;
        }
    }

    /** The verdict on one body. */
    sealed interface Verdict {
    }

    record Verified(Callback callback, String signature, long timestamp) implements Verdict {
    }

    /** Refused with this HTTP status, for this reason (which holds no secret). */
    record Refused(int httpStatus, String reason) implements Verdict {
    }

    private final WebhookSeal seal;
    private final ObjectMapper json;
    private final Duration maxAge;
    /** Signatures of the callbacks recorded within the last {@link #maxAge}, by their timestamp. */
    private final Map<String, Long> recorded = new ConcurrentHashMap<>();

    CallbackVerifier(WebhookSeal seal, ObjectMapper json, Duration maxAge) {
        this.seal = seal;
        this.json = json;
        this.maxAge = maxAge;
    }

    Verdict verify(byte[] body, Instant now) {
        JsonNode envelope;
        try {
            envelope = json.readTree(body);
        }
        catch (JacksonException e) {
            return new Refused(400, "the body is not JSON");
        }
        Optional<String> signature = text(envelope, "signature");
        Optional<String> timestamp = text(envelope, "timestamp");
        Optional<String> nonce = text(envelope, "nonce");
        Optional<String> data = text(envelope, "dataEncrypt");
        if (signature.isEmpty() || timestamp.isEmpty() || nonce.isEmpty() || data.isEmpty()) {
            return new Refused(400, "not a signed Akool callback (signature, timestamp, nonce and dataEncrypt are required)");
        }
        if (!seal.verifies(signature.get(), timestamp.get(), nonce.get(), data.get())) {
            return new Refused(401, "the signature does not match this account's client id and key");
        }
        long sentAt;
        try {
            sentAt = Long.parseLong(timestamp.get());
        }
        catch (NumberFormatException e) {
            return new Refused(400, "the timestamp is not a number of milliseconds");
        }
        Duration age = Duration.ofMillis(Math.abs(now.toEpochMilli() - sentAt));
        if (age.compareTo(maxAge) > 0) {
            return new Refused(403, "the timestamp is " + age.toSeconds() + " s from now, more than narrator.webhook.max-age ("
                    + maxAge.toSeconds() + " s)");
        }
        if (recorded.containsKey(signature.get())) {
            return new Refused(409, "a replay: this signed callback was recorded already");
        }
        return read(data.get(), signature.get(), sentAt);
    }

    /** The callback was recorded: the same signed message is a replay from now on. */
    void accepted(Verified verified, Instant now) {
        long oldest = now.toEpochMilli() - maxAge.toMillis();
        recorded.values().removeIf(at -> at < oldest);
        recorded.put(verified.signature(), verified.timestamp());
    }

    private Verdict read(String data, String signature, long sentAt) {
        JsonNode job;
        try {
            job = json.readTree(seal.decrypt(data));
        }
        catch (IllegalArgumentException | JacksonException e) {
            return new Refused(400, "the signed data does not decrypt to JSON");
        }
        Optional<String> type = text(job, "type");
        if (type.isPresent() && !type.get().equals("audio")) {
            return new Refused(422, "a callback for a " + type.get() + " job, not audio");
        }
        Optional<String> id = text(job, "_id");
        if (id.isEmpty() || id.get().length() > AudioJob.MAX_ID_LENGTH) {
            return new Refused(422, "the callback names no job (_id)");
        }
        int status = job.path("status").asInt(0);
        String url = text(job, "url").orElse(null);
        if (status == AudioJob.COMPLETED) {
            Optional<String> problem = url == null ? Optional.of("a completed job without a url")
                    : url.length() > AudioJob.MAX_URL_LENGTH ? Optional.of("its url has " + url.length()
                            + " characters, more than the " + AudioJob.MAX_URL_LENGTH + " the job keeps")
                    : AudioDownloader.refusal(url);
            if (problem.isPresent()) {
                return new Refused(422, "job " + id.get() + ": " + problem.get());
            }
        }
        return new Verified(new Callback(id.get(), status, url), signature, sentAt);
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !(value.isString() || value.isNumber())) {
            return Optional.empty();
        }
        String text = value.asString();
        return text.isBlank() ? Optional.empty() : Optional.of(text);
    }
}
