package com.akoolnarrator.storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * What an output folder is to the ledger, whatever path reaches it: an id kept in the folder itself
 * ({@code .narrator/folder-id}), so that a folder renamed, moved, restored on another machine or reached through a
 * symlink is still the same folder, its narrations reused and its lock the same, and two folders never share one.
 * A copy of a folder carries the id, and is the same folder to the ledger: delete the copy's file to make it a new one.
 */
public final class FolderIdentity {

    private static final String FILE = "folder-id";

    private FolderIdentity() {
    }

    /**
     * The folder's id, made if it has none: a folder whose rows the ledger keeps under its path (narrated before folders
     * had ids) keeps that path as its id, so nothing of it is narrated again; any other gets a new random id.
     *
     * @param knownByPath whether the ledger has rows under a folder path
     */
    public static String establish(Path outputFolder, Predicate<String> knownByPath) {
        Path folder = outputFolder.toAbsolutePath().normalize();
        Optional<String> existing = of(folder);
        if (existing.isPresent()) {
            return existing.get();
        }
        String id = knownByPath.test(folder.toString()) ? folder.toString() : UUID.randomUUID().toString();
        Path file = file(folder);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, id + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE, StandardOpenOption.SYNC);
            return id;
        }
        catch (FileAlreadyExistsException e) {
            return of(folder).orElseThrow(() -> new OutputFolderException(folder, e)); // another process made it first
        }
        catch (IOException e) {
            throw new OutputFolderException(folder, e);
        }
    }

    /**
     * What the ledger knows the folder by, read only: its id, or its path for a folder narrated before folders had ids
     * (the rule {@link #establish} keeps).
     */
    public static String knownAs(Path outputFolder) {
        return of(outputFolder).orElse(outputFolder.toAbsolutePath().normalize().toString());
    }

    /** The folder's id, if it has one; read only. */
    public static Optional<String> of(Path outputFolder) {
        try {
            String id = Files.readString(file(outputFolder.toAbsolutePath().normalize()), StandardCharsets.UTF_8).strip();
            return id.isEmpty() ? Optional.empty() : Optional.of(id);
        }
        catch (NoSuchFileException e) {
            return Optional.empty();
        }
        catch (IOException e) {
            throw new OutputFolderException(outputFolder, e);
        }
    }

    private static Path file(Path folder) {
        return folder.resolve(OutputFolder.STATE_FOLDER).resolve(FILE);
    }
}
