package com.akoolnarrator.storage;

import java.nio.file.Path;

/**
 * The one folder the job writes into. Every relative file name goes through {@link #resolve(String)}, which refuses
 * anything that would land outside it.
 */
public record OutputFolder(Path root) {

    /** The job's own folder inside the output folder: its database, parts waiting to be joined, who holds it. */
    public static final String STATE_FOLDER = ".narrator";

    public OutputFolder {
        root = root.toAbsolutePath().normalize();
    }

    /** The job's own folder ({@link #STATE_FOLDER}). */
    public Path stateFolder() {
        return root.resolve(STATE_FOLDER);
    }

    public Path resolve(String relativeFile) {
        Path target = root.resolve(relativeFile).normalize();
        if (!target.startsWith(root) || target.equals(root)) {
            throw new IllegalArgumentException("refusing to write outside the output folder: " + relativeFile);
        }
        return target;
    }
}
