package com.akoolnarrator.input;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.akoolnarrator.akool.AkoolClient;
import com.akoolnarrator.akool.AkoolException;
import com.akoolnarrator.akool.Voice;

/**
 * The account's voice ids (Akool's and its own), fetched once per run (each run has its own) so that a misspelt {@code voice_id} is reported
 * before any credit is spent. If the list cannot be fetched, the check is skipped with a warning; authentication and
 * account errors still stop the job.
 */
public class KnownVoices {

    private static final Logger log = LoggerFactory.getLogger(KnownVoices.class);

    private final AkoolClient client;
    private volatile Optional<Set<String>> ids;

    public KnownVoices(AkoolClient client) {
        this.client = client;
    }

    public Optional<Set<String>> ids() {
        Optional<Set<String>> loaded = ids;
        if (loaded == null) {
            synchronized (this) {
                if (ids == null) {
                    ids = fetch();
                }
                loaded = ids;
            }
        }
        return loaded;
    }

    private Optional<Set<String>> fetch() {
        try {
            Set<String> voices = new HashSet<>();
            client.accountVoices().stream().map(Voice::voiceId).forEach(voices::add);
            log.info("Akool lists {} voices for this account", voices.size());
            return Optional.of(voices);
        }
        catch (AkoolException.Fatal e) {
            throw e;
        }
        catch (AkoolException e) {
            log.warn("Could not fetch the voice list ({}); voice_id values will not be checked before submitting", e.getMessage());
            return Optional.empty();
        }
    }
}
