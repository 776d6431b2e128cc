package com.akoolnarrator.job.finish;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.List;

import com.akoolnarrator.storage.AtomicFile;
import com.akoolnarrator.storage.DownloadedAudio;
import com.akoolnarrator.storage.FileRanges;
import com.akoolnarrator.storage.Mp3Format;
import com.akoolnarrator.storage.OutputFolder;
import com.akoolnarrator.storage.Sha256;

/**
 * Joins the MP3 parts of one long narration into one file: the first part's ID3v2 tag, then the audio frames of every
 * part in order. Each part's own tags (ID3v2, ID3v1) and encoder header frame (Xing/Info, which states the frame count
 * of that part alone and would make players stop or seek wrongly, and decodes as a click of silence) are left out, so
 * the joined file plays straight through and its duration is the sum of the parts'. Written under a temporary name
 * and renamed, like a download.
 */
class Mp3Joiner {

    private final OutputFolder folder;

    public Mp3Joiner(OutputFolder folder) {
        this.folder = folder;
    }

    public DownloadedAudio join(List<String> partFiles, String relativeFile) {
        Path target = folder.resolve(relativeFile);
        try (AtomicFile partial = AtomicFile.beside(target)) {
            MessageDigest sha256 = Sha256.newDigest();
            try (DigestOutputStream out = new DigestOutputStream(Files.newOutputStream(partial.path()), sha256)) {
                for (int i = 0; i < partFiles.size(); i++) {
                    appendPart(folder.resolve(partFiles.get(i)), i == 0, out);
                }
            }
            long bytes = Files.size(partial.path());
            partial.publish();
            return DownloadedAudio.measured(folder, target, bytes, Sha256.hex(sha256));
        }
        catch (IOException e) {
            throw new UncheckedIOException("could not join the MP3 parts of " + relativeFile + ": " + e.getMessage(), e);
        }
    }

    /** Copies one part's audio frames (and, for the first part, its ID3v2 tag) without loading the part into memory. */
    private static void appendPart(Path part, boolean first, OutputStream out) throws IOException {
        try (FileChannel channel = FileChannel.open(part, StandardOpenOption.READ)) {
            FileRanges.AudioBounds audio = FileRanges.audioBounds(channel, part);
            long audioStart = audio.start();
            byte[] firstFrame = FileRanges.read(channel, audioStart, 64);
            if (Mp3Format.isHeaderFrame(firstFrame, 0)) {
                audioStart += Mp3Format.frameAt(firstFrame, 0).length();
            }
            if (first && audio.start() > 0) {
                FileRanges.copy(channel, 0, audio.start(), out);
            }
            FileRanges.copy(channel, audioStart, Math.max(0, audio.end() - audioStart), out);
        }
    }
}
