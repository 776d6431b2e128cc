package com.akoolnarrator.ledger;

import java.time.Instant;

/**
 * A narration Akool accepted and the job follows until its MP3 is on disk.
 *
 * @param audioUrl     set once Akool reports it completed
 * @param textLength   characters narrated, to predict when it will be done
 * @param ownWebhook   the row gave Akool a {@code webhook_url} of its own: Akool calls that, not this job
 * @param part         one part of a long script: its file is joined with the others, and only the joined file checked
 */
public record TrackedNarration(String key, String rowId, String akoolId, String outputFile, int textLength,
        Instant submittedAt, String audioUrl, boolean ownWebhook, boolean part) {

    public boolean isCompleted() {
        return audioUrl != null;
    }

    public TrackedNarration completed(String url) {
        return new TrackedNarration(key, rowId, akoolId, outputFile, textLength, submittedAt, url, ownWebhook, part);
    }
}
