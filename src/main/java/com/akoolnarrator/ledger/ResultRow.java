package com.akoolnarrator.ledger;

import java.util.List;

import com.akoolnarrator.audio.AudioFindings;

/** One line of results.csv: an input row and what became of it. */
public record ResultRow(long line, String id, Status status, String file, String akoolId, String audioUrl, Long bytes,
        Double durationSeconds, String sha256, int attempts, String error, List<String> values, AudioFindings audio,
        Double expectedSeconds) {

    public enum Status { SUCCEEDED, FAILED, INVALID }

    public static final List<String> COLUMNS = List.of("id", "status", "file", "akool_id", "audio_url", "bytes",
            "duration_seconds", "sha256", "attempts", "error", "loudness_lufs", "peak_dbfs", "gain_db", "audio_check");

    /** Whether the audio check flagged this row's file: one to listen to before it is published. */
    public boolean flagged() {
        return status == Status.SUCCEEDED && audio != null && !audio.flags().isEmpty();
    }
}
