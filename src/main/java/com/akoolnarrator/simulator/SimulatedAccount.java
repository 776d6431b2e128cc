package com.akoolnarrator.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The simulated account: its API key or client credentials and the tokens issued for them, its credits, its voices. */
final class SimulatedAccount {

    private final SimulatorSettings settings;
    private final FaultInjector faults;
    private final Set<String> tokens = ConcurrentHashMap.newKeySet();
    private final List<Map<String, Object>> voices = new ArrayList<>();
    private double credits;

    SimulatedAccount(SimulatorSettings settings, FaultInjector faults) {
        this.settings = settings;
        this.faults = faults;
        this.credits = settings.getCredits();
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

    /** from=3 Akool's voices, from=4 the account's own, neither both. */
    List<Map<String, Object>> voices(String from) {
        return voices.stream().filter(v -> from == null || String.valueOf(v.get("from")).equals(from)).toList();
    }

    boolean hasVoice(String voiceId) {
        return voices.stream().anyMatch(v -> v.get("voice_id").equals(voiceId));
    }

    /** The error code for a request's credentials, or null when they are good. */
    Integer authenticate(String authorization, String apiKey) {
        if (authorization != null) {
            String token = authorization.startsWith("Bearer ") ? authorization.substring(7).trim() : "";
            return tokens.contains(token) ? null : 1101;
        }
        if (apiKey == null || apiKey.isBlank()) {
            return 1102;
        }
        return MessageDigest.isEqual(apiKey.getBytes(StandardCharsets.UTF_8),
                settings.getApiKey().getBytes(StandardCharsets.UTF_8)) ? null : 1101;
    }

    /** A bearer token for the legacy client id and secret, or null when they are wrong. */
    String token(String clientId, String clientSecret) {
        if (!settings.getClientId().equals(clientId) || !settings.getApiKey().equals(clientSecret)) {
            return null;
        }
        String token = "simtok-" + Long.toHexString(faults.nextLong());
        tokens.add(token);
        return token;
    }

    void expireTokens() {
        tokens.clear();
    }

    synchronized double credits() {
        return credits;
    }

    synchronized void setCredits(double credits) {
        this.credits = credits;
    }

    synchronized boolean charge(double price) {
        if (credits < price) {
            return false;
        }
        credits -= price;
        return true;
    }
}
