package com.akoolnarrator.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

/** What the receiver believes of a POSTed body, and in which order it checks (signature before decryption). */
class CallbackVerifierTests {

    private static final String CLIENT_ID = "TESTCLIENTID0000000000==";
    private static final String KEY = "0123456789abcdefghijklmnopqrstuv";
    private static final Instant NOW = Instant.ofEpochMilli(1_710_757_981_609L);
    private static final String COMPLETED = "{\"_id\":\"65f8017f56559aa67f0ecde7\",\"status\":3,\"type\":\"audio\","
            + "\"url\":\"https://example.invalid/tts.mp3\"}";

    private final WebhookSeal seal = new WebhookSeal(CLIENT_ID, KEY);
    private final CallbackVerifier verifier = new CallbackVerifier(seal, JsonMapper.builder().build(), Duration.ofMinutes(10));

    @Test
    void theDocumentedVectorIsBelieved() {
        CallbackVerifier.Verdict verdict = verifier.verify(body(COMPLETED, NOW, "1529", false), NOW);

        assertThat(verdict).isInstanceOfSatisfying(CallbackVerifier.Verified.class, v -> assertThat(v.callback())
            .isEqualTo(new CallbackVerifier.Callback("65f8017f56559aa67f0ecde7", 3, "https://example.invalid/tts.mp3")));
    }

    @Test
    void aBadOrMissingSignatureIsRefusedBeforeAnythingIsDecrypted() {
        assertRefused(body(COMPLETED, NOW, "1529", true), 401);
        assertRefused(("{\"dataEncrypt\":\"" + seal.encrypt(COMPLETED) + "\",\"timestamp\":\"1\",\"nonce\":\"2\"}")
            .getBytes(StandardCharsets.UTF_8), 400);
        assertRefused("not json".getBytes(StandardCharsets.UTF_8), 400);
        // signed by the account but not decryptable: the signature held, so only then is the data looked at
        String garbage = "bm90IGVuY3J5cHRlZA==";
        String signed = "{\"signature\":\"" + seal.sign("1710757981609", "7", garbage) + "\",\"dataEncrypt\":\"" + garbage
                + "\",\"timestamp\":\"1710757981609\",\"nonce\":\"7\"}";
        assertRefused(signed.getBytes(StandardCharsets.UTF_8), 400);
    }

    @Test
    void aTimestampFarFromNowIsRefused() {
        assertRefused(body(COMPLETED, NOW.minus(Duration.ofMinutes(11)), "1529", false), 403);
        assertRefused(body(COMPLETED, NOW.plus(Duration.ofMinutes(11)), "1529", false), 403);
    }

    @Test
    void theSameSignedCallbackRecordedOnceIsAReplayButAFreshDeliveryIsNot() {
        byte[] first = body(COMPLETED, NOW, "1529", false);
        CallbackVerifier.Verified verified = (CallbackVerifier.Verified) verifier.verify(first, NOW);
        verifier.accepted(verified, NOW);

        assertRefused(first, 409);
        assertThat(verifier.verify(body(COMPLETED, NOW.plusMillis(5), "4410", false), NOW))
            .as("Akool's own second delivery, signed anew").isInstanceOf(CallbackVerifier.Verified.class);
    }

    @Test
    void anAudioUrlTheJobWouldNotDownloadFromOrAnotherKindOfJobIsRefused() {
        assertRefused(body(COMPLETED.replace("https://example.invalid/tts.mp3", "file:///etc/passwd"), NOW, "1", false), 422);
        assertRefused(body(COMPLETED.replace("https://example.invalid/tts.mp3", "https://x/" + "a".repeat(5000)), NOW,
                "1", false), 422);
        assertRefused(body("{\"_id\":\"65f8017f56559aa67f0ecde7\",\"status\":3,\"type\":\"audio\"}", NOW, "1", false), 422);
        assertRefused(body(COMPLETED.replace("\"audio\"", "\"video\""), NOW, "1", false), 422);
        assertRefused(body("{\"status\":3,\"type\":\"audio\"}", NOW, "1", false), 422);
        assertThat(verifier.verify(body("{\"_id\":\"65f8017f56559aa67f0ecde7\",\"status\":4,\"type\":\"audio\"}", NOW, "1",
                false), NOW)).as("a failed job has no url").isInstanceOf(CallbackVerifier.Verified.class);
    }

    private void assertRefused(byte[] body, int status) {
        assertThat(verifier.verify(body, NOW)).isInstanceOfSatisfying(CallbackVerifier.Refused.class,
                refused -> assertThat(refused.httpStatus()).as(refused.reason()).isEqualTo(status));
    }

    private byte[] body(String plaintext, Instant at, String nonce, boolean forged) {
        String data = seal.encrypt(plaintext);
        String timestamp = String.valueOf(at.toEpochMilli());
        String signature = seal.sign(timestamp, nonce, data);
        if (forged) {
            signature = signature.substring(1) + "0";
        }
        return ("{\"signature\":\"" + signature + "\",\"dataEncrypt\":\"" + data + "\",\"timestamp\":\"" + timestamp
                + "\",\"nonce\":\"" + nonce + "\"}").getBytes(StandardCharsets.UTF_8);
    }
}
