package com.akoolnarrator.bucket;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What an MP3's object carries besides its bytes ({@code x-amz-meta-*}, ASCII): the narration it holds and what the
 * ledger knew of it, so that a run whose job database was lost (a new state folder, another pod) takes it from the
 * bucket instead of paying for it again, as a folder's tagged MP3s are taken today.
 */
final class StoredMetadata {

    private static final String CONTENT_HASH = "narration";
    private static final String AKOOL_IDS = "akool-id";
    private static final String ATTEMPTS = "attempts";
    private static final String TAGS = "tags";
    private static final String SECONDS = "duration-seconds";

    private StoredMetadata() {
    }

    static Map<String, String> of(ToStore row) {
        Map<String, String> metadata = new HashMap<>();
        metadata.put(CONTENT_HASH, row.contentHash());
        metadata.put(ATTEMPTS, String.valueOf(Math.max(1, row.attempts())));
        if (row.akoolIds() != null && !row.akoolIds().isBlank()) {
            metadata.put(AKOOL_IDS, encode(row.akoolIds().strip()));
        }
        if (row.tagged() != null) {
            metadata.put(TAGS, encode(row.tagged()));
        }
        if (row.durationSeconds() != null) {
            metadata.put(SECONDS, String.format(Locale.ROOT, "%.3f", row.durationSeconds()));
        }
        return metadata;
    }

    /** The narration (content hash) the object holds, when this job wrote it. */
    static Optional<String> contentHash(Map<String, String> metadata) {
        return Optional.ofNullable(metadata.get(CONTENT_HASH));
    }

    static String akoolIds(Map<String, String> metadata) {
        return decode(metadata.get(AKOOL_IDS));
    }

    static String tags(Map<String, String> metadata) {
        return decode(metadata.get(TAGS));
    }

    static int attempts(Map<String, String> metadata) {
        try {
            return Math.max(1, Integer.parseInt(metadata.getOrDefault(ATTEMPTS, "1")));
        }
        catch (NumberFormatException e) {
            return 1;
        }
    }

    static double seconds(Map<String, String> metadata) {
        try {
            return Double.parseDouble(metadata.getOrDefault(SECONDS, "0"));
        }
        catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String decode(String value) {
        return value == null ? null : URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
