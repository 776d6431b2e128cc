package com.akoolnarrator.storage;

import java.io.IOException;
import java.nio.file.Path;

/** An MP3 safely on disk under its final name; {@code file} is relative to the output folder, with '/' separators. */
public record DownloadedAudio(String file, long bytes, String sha256, double durationSeconds) {

    /** An MP3 just published in the folder, its duration measured from its frames (to the millisecond). */
    public static DownloadedAudio measured(OutputFolder folder, Path target, long bytes, String sha256) throws IOException {
        return new DownloadedAudio(folder.root().relativize(target).toString().replace('\\', '/'), bytes, sha256,
                Math.round(Mp3Format.durationSeconds(target) * 1000) / 1000.0);
    }
}
