package com.akoolnarrator.input;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import com.akoolnarrator.storage.Sha256;

/**
 * The input as the run reads it: copied once, and checksummed while it is copied, into the output folder's state
 * folder ({@code input-<sha256>.csv}, readable by its owner only), so that every step reads the same bytes whatever
 * happens to the file the user gave. An export that rewrites the file while it is copied is refused (its size,
 * modification time or identity changed); a pipe ({@code <(grep ...)}, {@code /dev/stdin}, a named pipe) is read once,
 * as it can only be. The copy is removed when the command ends; a restart copies the input again and compares.
 *
 * @param copy what the steps read
 * @param source the file the user gave, which names the run
 */
public record InputSnapshot(Path copy, Path source, String sha256) implements AutoCloseable {

    private static final String PREFIX = "input-";

    /** Copies {@code source} into {@code stateFolder}. */
    public static InputSnapshot take(Path source, Path stateFolder) {
        requireReadable(source);
        try {
            Files.createDirectories(stateFolder);
            Path part = stateFolder.resolve("." + PREFIX + UUID.randomUUID() + ".part");
            Optional<Fingerprint> before = Fingerprint.of(source);
            MessageDigest digest = Sha256.newDigest();
            long copied;
            try (InputStream in = Files.newInputStream(source);
                    OutputStream out = new DigestOutputStream(Files.newOutputStream(part), digest)) {
                ownerOnly(part);
                copied = in.transferTo(out);
            }
            catch (IOException | RuntimeException e) {
                Files.deleteIfExists(part);
                throw e;
            }
            Optional<Fingerprint> after = Fingerprint.of(source);
            if (!before.equals(after) || after.isPresent() && after.get().size() != copied) {
                Files.deleteIfExists(part);
                throw new InputFileException("input file changed while it was read: " + source.toAbsolutePath()
                        + ". Wait until whatever writes it (an export, a sync) has finished, then run again");
            }
            String sha256 = Sha256.hex(digest);
            Path copy = stateFolder.resolve(PREFIX + sha256 + ".csv");
            Files.move(part, copy, StandardCopyOption.REPLACE_EXISTING);
            return new InputSnapshot(copy, source, sha256);
        }
        catch (IOException e) {
            throw new InputFileException("input file cannot be read into " + stateFolder + ": " + source.toAbsolutePath()
                    + " (" + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        }
    }

    /** The copy of the input with this checksum in {@code stateFolder}, if the command that runs it has made one. */
    public static Optional<Path> copyOf(Path stateFolder, String sha256) {
        Path copy = stateFolder.resolve(PREFIX + sha256 + ".csv");
        return Files.isRegularFile(copy) ? Optional.of(copy) : Optional.empty();
    }

    /** What can be said of an input before anything is started: given, there, not a folder, readable. */
    public static void requireReadable(Path path) {
        if (path == null) {
            throw new InputFileException("no input file given: pass --input=path/to/rows.csv (or set narrator.input in a job file)");
        }
        if (!Files.exists(path)) {
            throw new InputFileException("input file not found: " + path.toAbsolutePath());
        }
        if (Files.isDirectory(path)) {
            throw new InputFileException("input is a folder, not a CSV file: " + path.toAbsolutePath());
        }
        if (!Files.isReadable(path)) {
            throw new InputFileException("input file cannot be read (check its permissions): " + path.toAbsolutePath());
        }
    }

    /** The input file inspected through its copy. */
    public InputFile inspect() {
        return InputFile.inspect(copy, source);
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(copy);
        }
        catch (IOException ignored) {
            // a copy left behind is replaced by the next run's and holds nothing the input does not
        }
    }

    private static void ownerOnly(Path file) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }

    /** What says a regular file is the same one, unchanged; a pipe has none. */
    private record Fingerprint(long size, long modifiedNanos, Object key) {

        static Optional<Fingerprint> of(Path file) throws IOException {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (!attributes.isRegularFile()) {
                return Optional.empty();
            }
            return Optional.of(new Fingerprint(attributes.size(),
                    attributes.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS),
                    Objects.requireNonNullElse(attributes.fileKey(), "")));
        }
    }
}
