package com.akoolnarrator.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.stream.Stream;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Akool's webhook scheme ({@code shared/akool-api.md}, "Webhooks"), both ways: the signature is the lowercase hex SHA-1
 * of the client id, timestamp, nonce and encrypted data, sorted as plain strings and concatenated; the data is
 * AES-CBC with PKCS#7 padding, keyed by the UTF-8 bytes of the API key (its length picks AES-128, 192 or 256), with the
 * first 16 bytes of the UTF-8 client id, zero-padded, as the IV. The receiver opens what the simulator seals.
 */
public final class WebhookSeal {

    private final String clientId;
    private final SecretKeySpec key;
    private final IvParameterSpec iv;

    /** @throws IllegalArgumentException when the key is not 16, 24 or 32 bytes long (the message never holds it) */
    public WebhookSeal(String clientId, String apiKey) {
        byte[] keyBytes = apiKey.getBytes(StandardCharsets.UTF_8);
        if (keyBytes.length != 16 && keyBytes.length != 24 && keyBytes.length != 32) {
            throw new IllegalArgumentException("Akool's webhook encryption is keyed by the API key, which must then be"
                    + " 16, 24 or 32 bytes long; the one configured has " + keyBytes.length);
        }
        this.clientId = clientId;
        this.key = new SecretKeySpec(keyBytes, "AES");
        this.iv = new IvParameterSpec(Arrays.copyOf(clientId.getBytes(StandardCharsets.UTF_8), 16));
    }

    public String sign(String timestamp, String nonce, String dataEncrypt) {
        String joined = String.join("", Stream.of(clientId, timestamp, nonce, dataEncrypt).sorted().toList());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(joined.getBytes(StandardCharsets.UTF_8)));
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java has no SHA-1", e);
        }
    }

    /** Whether {@code signature} is the one of these fields, compared in constant time. */
    public boolean verifies(String signature, String timestamp, String nonce, String dataEncrypt) {
        return MessageDigest.isEqual(sign(timestamp, nonce, dataEncrypt).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.UTF_8));
    }

    public String encrypt(String plaintext) {
        return Base64.getEncoder().encodeToString(crypt(Cipher.ENCRYPT_MODE, plaintext.getBytes(StandardCharsets.UTF_8)));
    }

    /** @throws IllegalArgumentException when the data is not Base64 or does not decrypt under this key */
    public String decrypt(String dataEncrypt) {
        byte[] sealed;
        try {
            sealed = Base64.getDecoder().decode(dataEncrypt);
        }
        catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("dataEncrypt is not Base64");
        }
        return new String(crypt(Cipher.DECRYPT_MODE, sealed), StandardCharsets.UTF_8);
    }

    private byte[] crypt(int mode, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
            cipher.init(mode, key, iv);
            return cipher.doFinal(input);
        }
        catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("dataEncrypt does not decrypt with this account's key ("
                    + e.getClass().getSimpleName() + ")");
        }
    }
}
