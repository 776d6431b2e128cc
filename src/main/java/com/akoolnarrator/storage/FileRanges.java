package com.akoolnarrator.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/** Parts of a file read or copied by position, without loading the file: how MP3s are joined and re-tagged. */
public final class FileRanges {

    private FileRanges() {
    }

    /** Up to {@code length} bytes from {@code position}: fewer at the end of the file. */
    public static byte[] read(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.max(0, Math.min(length, channel.size() - position)));
        while (buffer.hasRemaining() && channel.read(buffer, position + buffer.position()) > 0) {
            // until full or the end of the file
        }
        return Arrays.copyOf(buffer.array(), buffer.position());
    }

    /** Copies {@code length} bytes from {@code position} to {@code out}. */
    public static void copy(FileChannel channel, long position, long length, OutputStream out) throws IOException {
        channel.position(position);
        InputStream in = Channels.newInputStream(channel);
        byte[] buffer = new byte[64 * 1024];
        long left = length;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new IOException("the file ended early");
            }
            out.write(buffer, 0, n);
            left -= n;
        }
    }

    /** Where an MP3's audio lies: from the end of its leading ID3v2 tag (0 without one) to its ID3v1 trailer. */
    public record AudioBounds(long start, long end) {
    }

    /** An ID3v2 tag whose header declares more bytes than the file holds: forged or cut short, never read as it says. */
    public static final class TagLongerThanFileException extends IOException {

        TagLongerThanFileException(Path file, long declared, long size) {
            super(file.getFileName() + " has an ID3 tag that declares " + String.format(Locale.ROOT, "%,d", declared)
                    + " bytes, more than the file's " + String.format(Locale.ROOT, "%,d", size));
        }
    }

    /** The audio of {@code file}, open as {@code channel}; a tag that claims more than the file is refused. */
    public static AudioBounds audioBounds(FileChannel channel, Path file) throws IOException {
        long size = channel.size();
        int tag = Mp3Format.id3v2Length(read(channel, 0, 10));
        if (tag > size) {
            throw new TagLongerThanFileException(file, tag, size);
        }
        long end = size - Mp3Format.id3v1Length(read(channel, Math.max(0, size - 128), 128));
        return new AudioBounds(tag, Math.max(tag, end));
    }
}
