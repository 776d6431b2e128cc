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
final class PartialFile implements AutoCloseable {

    private final Path path;
    private final Path target;
    private boolean published;

    private PartialFile(Path path, Path target) {
        this.path = path;
        this.target = target;
    }

    static PartialFile beside(Path target) throws IOException {
        if (!Files.isDirectory(target.getParent())) { // cheaper than createDirectories' exception when it exists
            Files.createDirectories(target.getParent());
        }
        return new PartialFile(target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".part"), target);
    }

    Path path() {
        return path;
    }

    /** Gives the file its final name, replacing an older file of that name. */
    void publish() throws IOException {
        try {
            Files.move(path, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        catch (AtomicMoveNotSupportedException e) {
            Files.move(path, target, StandardCopyOption.REPLACE_EXISTING);
        }
        published = true;
    }

    /** Removes what is left if it was not published. */
    @Override
    public void close() {
        if (published) {
            return;
        }
        try {
            Files.deleteIfExists(path);
        }
        catch (IOException ignored) {
            // a stray .part file is harmless: it never carries a final name
        }
    }
}
