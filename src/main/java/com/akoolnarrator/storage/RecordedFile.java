package com.akoolnarrator.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A file as it was recorded: its size and its SHA-256. What decides that a file on disk still holds a narration, for
 * every path that takes one (reuse by a rerun, a folder rebuilding its ledger, the join of a long script's parts): a
 * size alone is not enough, since the narrations of two texts of equal length often make MP3s of equal size, and a
 * file cut short keeps its tag.
 */
public record RecordedFile(long bytes, String sha256) {

    /** @param sha256 the file's checksum; null for a file recorded by its size alone (before checksums were kept) */
    public RecordedFile {
        sha256 = sha256 == null ? null : sha256.strip();
    }

    /** Whether {@code file} holds exactly these bytes: its size first, which costs no read, then its checksum. */
    public boolean isHeldBy(Path file) {
        try {
            return Files.isRegularFile(file) && Files.size(file) == bytes
                    && (sha256 == null || Sha256.ofFile(file).equals(sha256));
        }
        catch (IOException e) {
            return false;
        }
    }
}
