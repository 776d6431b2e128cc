package com.akoolnarrator.input;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import com.akoolnarrator.akool.SpeechRequest;

/**
 * What one valid row asks for. Its {@link #contentHash()} covers exactly what is narrated (text, voice, rate): a
 * change there means new audio, a change elsewhere (webhook, pass-through columns) does not.
 */
public record NarrationSpec(String rowId, String text, String voiceId, String voiceUrl, String rate, String webhookUrl,
        String outputFile) {

    public SpeechRequest toRequest() {
        return new SpeechRequest(text, voiceId, voiceUrl, rate, webhookUrl);
    }

    public String endpoint() {
        return toRequest().isClone() ? "clone" : "create";
    }

    public String contentHash() {
        return sha256(String.join("\u0000", text, nullToEmpty(voiceId), nullToEmpty(voiceUrl), rate));
    }

    /** The ledger's key: the same row narrated the same way, into the same output folder. */
    public String narrationKey(String scope) {
        return sha256(scope + "\u0000" + rowId + "\u0000" + contentHash());
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    public static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
