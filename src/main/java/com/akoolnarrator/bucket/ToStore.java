package com.akoolnarrator.bucket;

import java.util.List;

/**
 * A row's MP3 to store, with what a later run reads back from its object to recognise it (see {@link StoredMetadata}).
 *
 * @param captions the caption files written beside it; empty when none
 */
record ToStore(long line, String key, String file, String sha256, String contentHash, String akoolIds, int attempts,
        String tagged, Double durationSeconds, List<String> captions) {
}
