package com.akoolnarrator.tags;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;

import com.akoolnarrator.storage.AtomicFile;
import com.akoolnarrator.storage.FileRanges;
import com.akoolnarrator.storage.OutputFolder;
import com.akoolnarrator.storage.Sha256;

/**
 * Gives an MP3 in the output folder its tag: the file is written anew under a temporary name (the new ID3v2.4 tag,
 * then the audio as it was, without the old ID3v2 tag or ID3v1 trailer) and renamed over the old one in one step, so
 * that its final name never holds a half-tagged file. The audio frames are copied untouched.
 */
class Mp3Tagger {

    private final OutputFolder folder;

    public Mp3Tagger(OutputFolder folder) {
        this.folder = folder;
    }

    /** The tagged file's size and sha256. */
    public record Tagged(long bytes, String sha256) {
    }

    public Tagged tag(String relativeFile, FileTag tag) {
        Path file = folder.resolve(relativeFile);
        try (AtomicFile tagged = AtomicFile.beside(file)) {
            MessageDigest sha256 = Sha256.newDigest();
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
                    OutputStream out = new DigestOutputStream(Files.newOutputStream(tagged.path()), sha256)) {
                FileRanges.AudioBounds audio = FileRanges.audioBounds(channel, file);
                out.write(Id3v24Writer.tag(tag));
                FileRanges.copy(channel, audio.start(), audio.end() - audio.start(), out);
            }
            long bytes = Files.size(tagged.path());
            tagged.publish();
            return new Tagged(bytes, Sha256.hex(sha256));
        }
        catch (IOException e) {
            throw new UncheckedIOException("could not tag " + relativeFile + ": " + e.getMessage(), e);
        }
    }
}
