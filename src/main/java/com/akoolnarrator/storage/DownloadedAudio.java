package com.akoolnarrator.storage;

/** An MP3 safely on disk under its final name; {@code file} is relative to the output folder, with '/' separators. */
public record DownloadedAudio(String file, long bytes, String sha256, double durationSeconds) {
}
