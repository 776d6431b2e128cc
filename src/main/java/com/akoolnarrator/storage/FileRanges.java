package com.akoolnarrator.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.util.Arrays;

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

    /** Where a file's audio lies: after a leading ID3v2 tag, before an ID3v1 trailer. */
    public static long[] audioBounds(FileChannel channel) throws IOException {
        long size = channel.size();
        long start = Math.min(size, Mp3Format.id3v2Length(read(channel, 0, 10)));
        long end = size - Mp3Format.id3v1Length(read(channel, Math.max(0, size - 128), 128));
        return new long[] { start, Math.max(start, end) };
    }
}
