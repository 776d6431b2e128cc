package com.akoolnarrator.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
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
    /** The ledger's SCOPE column: an id is a UUID, or the path of a folder narrated before folders had ids. */
    private static final int MAX_ID = 1024;

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
            publish(file, id);
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
     * Gives a folder the id an output elsewhere has (a bucket's state folder takes the bucket's), replacing the one it
     * had: the job database then knows the output by the same id from any state folder.
     */
    public static void adopt(Path outputFolder, String id) {
        Path folder = outputFolder.toAbsolutePath().normalize();
        if (of(folder).filter(id::equals).isPresent()) {
            return;
        }
        Path file = file(folder);
        try {
            Files.createDirectories(file.getParent());
            try (AtomicFile staged = AtomicFile.beside(file)) {
                Files.writeString(staged.path(), id + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE, StandardOpenOption.SYNC);
                staged.publish();
            }
        }
        catch (IOException e) {
            throw new OutputFolderException(folder, e);
        }
    }

    /**
     * Writes the id whole under a temporary name, then gives it the file's name only if the folder has no id yet (another
     * process may make it first). An empty file is what a crash or a full disk left of an id never used (an id is used
     * only once written), and is replaced.
     */
    private static void publish(Path file, String id) throws IOException {
        try (AtomicFile staged = AtomicFile.beside(file)) {
            Files.writeString(staged.path(), id + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, StandardOpenOption.SYNC);
            if (Files.isRegularFile(file) && Files.size(file) == 0) {
                staged.publish();
            }
            else {
                staged.publishIfAbsent();
            }
        }
    }

    /**
     * What the ledger knows the folder by, read only: its id, or its path for a folder narrated before folders had ids
     * (the rule {@link #establish} keeps).
     */
    public static String knownAs(Path outputFolder) {
        return of(outputFolder).orElse(outputFolder.toAbsolutePath().normalize().toString());
    }

    /**
     * The folder's id, if it has one; read only.
     *
     * @throws OutputFolderException when the file holds no id this program writes (not text, too long, control
     *                               characters): saying what to do, never guessing another folder's id
     */
    public static Optional<String> of(Path outputFolder) {
        Path folder = outputFolder.toAbsolutePath().normalize();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file(folder));
        }
        catch (NoSuchFileException e) {
            return Optional.empty();
        }
        catch (IOException e) {
            throw new OutputFolderException(folder, e);
        }
        String id;
        try {
            id = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString().strip();
        }
        catch (CharacterCodingException e) {
            throw damaged(folder, "it is not text");
        }
        if (id.length() > MAX_ID) {
            throw damaged(folder, "it holds " + id.length() + " characters, more than any id");
        }
        if (id.chars().anyMatch(Character::isISOControl)) {
            throw damaged(folder, "it holds control characters");
        }
        return id.isEmpty() ? Optional.empty() : Optional.of(id);
    }

    private static OutputFolderException damaged(Path folder, String why) {
        return new OutputFolderException("the output folder's id, " + file(folder) + ", is damaged (" + why + "): if a"
                + " backup of the folder has that file, put it back; else delete it, and the folder is a new one to the job"
                + " database, its tagged MP3s recognised as narrated (nothing they hold is paid for again)");
    }

    private static Path file(Path folder) {
        return folder.resolve(OutputFolder.STATE_FOLDER).resolve(FILE);
    }
}
