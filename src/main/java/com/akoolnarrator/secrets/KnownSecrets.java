package com.akoolnarrator.secrets;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The secrets this run knows (API key, client secret, bearer token, database password), and the one redaction that
 * everything from outside passes through before it is recorded or logged: an Akool error message, an error page or a
 * failed job's reason may repeat a credential, as CI systems know from logs.
 */
public final class KnownSecrets {

    /** Shorter values are not masked: they would mask ordinary words, and are no secrets worth the name. */
    private static final int MIN_LENGTH = 6;
    public static final String MASK = "[secret]";

    private final Set<String> secrets = ConcurrentHashMap.newKeySet();

    /** A secret learnt (a key from the settings, a token just received); blank and short values are ignored. */
    public void add(String secret) {
        if (secret != null && secret.strip().length() >= MIN_LENGTH) {
            secrets.add(secret.strip());
        }
    }

    /** The text with every known secret replaced by {@link #MASK}. */
    public String redact(String text) {
        if (text == null || secrets.isEmpty()) {
            return text;
        }
        String redacted = text;
        // longest first, so that a secret containing another is masked whole
        List<String> longestFirst = secrets.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
        for (String secret : longestFirst) {
            redacted = redacted.replace(secret, MASK);
        }
        return redacted;
    }
}
