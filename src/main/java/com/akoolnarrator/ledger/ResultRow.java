package com.akoolnarrator.ledger;

import java.util.List;

/** One line of results.csv: an input row and what became of it. */
public record ResultRow(long line, String id, Status status, String file, String akoolId, String audioUrl, Long bytes,
        Double durationSeconds, String sha256, int attempts, String error, List<String> values) {

    public enum Status { SUCCEEDED, FAILED, INVALID }

    public static final List<String> COLUMNS = List.of("id", "status", "file", "akool_id", "audio_url", "bytes",
            "duration_seconds", "sha256", "attempts", "error");
}
