package com.akoolnarrator.storage;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * An MP3 being written under a hidden temporary name beside its final one, renamed in one step once complete, so
 * that a final name never holds a partial file (a crash leaves at most a stray {@code .part} file).
 */
record PartialFile(Path path, Path target) implements AutoCloseable {

    static PartialFile beside(Path target) throws IOException {
        Files.createDirectories(target.getParent());
        return new PartialFile(target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".part"), target);
    }

    /** Gives the file its final name, replacing an older file of that name. */
    void publish() throws IOException {
        try {
            Files.move(path, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        catch (AtomicMoveNotSupportedException e) {
            Files.move(path, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Removes what is left if it was not published. */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(path);
        }
        catch (IOException ignored) {
            // a stray .part file is harmless: it never carries a final name
        }
    }
}
