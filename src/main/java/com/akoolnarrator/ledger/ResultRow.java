package com.akoolnarrator.ledger;

import java.util.List;

/**
 * One line of results.csv: an input row and what became of it.
 *
 * @param contentHash what the row's MP3 is a narration of (text as said, voice, rate): how a folder whose job database
 *                    was lost recognises its files
 * @param lexicon     the lexicon's entries that changed the row's text, with how often ({@code SQL x2; Akool x1})
 */
public record ResultRow(long line, String id, Status status, String file, String akoolId, String audioUrl, Long bytes,
        Double durationSeconds, String sha256, int attempts, String error, List<String> values, CheckedAudio audio,
        Double expectedSeconds, String contentHash, String lexicon) {

    public enum Status { SUCCEEDED, FAILED, INVALID }

    public static final List<String> COLUMNS = List.of("id", "status", "file", "akool_id", "audio_url", "bytes",
            "duration_seconds", "sha256", "attempts", "error", "loudness_lufs", "peak_dbfs", "gain_db", "audio_check",
            "content_hash", "lexicon");

    /** Whether the audio check flagged this row's file: one to listen to before it is published. */
    public boolean flagged() {
        return status == Status.SUCCEEDED && audio != null && !audio.flags().isBlank();
    }
}
