package com.akoolnarrator.storage;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * A file written under a hidden temporary name beside its final one and renamed in one step once complete, so that a
 * final name never holds a partial file and nobody reads half of one (a crash leaves at most a stray {@code .part}
 * file). MP3s, joined MP3s and the result files are all written this way.
 */
public final class AtomicFile implements AutoCloseable {

    private final Path path;
    private final Path target;
    private boolean published;

    private AtomicFile(Path path, Path target) {
        this.path = path;
        this.target = target;
    }

    public static AtomicFile beside(Path target) throws IOException {
        if (!Files.isDirectory(target.getParent())) { // cheaper than createDirectories' exception when it exists
            Files.createDirectories(target.getParent());
        }
        return new AtomicFile(target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".part"), target);
    }

    /** Where to write. */
    public Path path() {
        return path;
    }

    /** The final name. */
    public Path target() {
        return target;
    }

    /** A UTF-8 writer of the temporary file. */
    public Writer writer() throws IOException {
        return Files.newBufferedWriter(path, StandardCharsets.UTF_8);
    }

    /** Gives the file its final name, replacing an older file of that name. */
    public void publish() throws IOException {
        try {
            Files.move(path, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        catch (AtomicMoveNotSupportedException e) {
            Files.move(path, target, StandardCopyOption.REPLACE_EXISTING);
        }
        published = true;
    }

    /**
     * Gives the file its final name only if no file has it yet, never replacing one: a
     * {@code FileAlreadyExistsException} says another writer got there first.
     */
    public void publishIfAbsent() throws IOException {
        try {
            Files.createLink(target, path); // fails, atomically, when the name is taken
            Files.delete(path);
        }
        catch (UnsupportedOperationException noLinks) {
            Files.move(path, target); // without REPLACE_EXISTING: refused when the name is taken
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
