package com.akoolnarrator.review;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;

import com.akoolnarrator.storage.OutputFolder;

/**
 * The takes' MP3s, for the page's players: only files the ledger names for a row of the run, only inside the output
 * folder (links followed), and one byte range at a time when the player asks for one (to seek).
 */
final class TakeFiles {

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    private final OutputFolder folder;
    private final Path realRoot;

    TakeFiles(OutputFolder folder) throws IOException {
        this.folder = folder;
        this.realRoot = folder.root().toRealPath();
    }

    /** The file {@code relative} names, if it is inside the output folder and there. */
    Optional<Path> find(String relative) {
        try {
            Path file = folder.resolve(relative);
            if (!Files.isRegularFile(file) || !file.toRealPath().startsWith(realRoot)) {
                return Optional.empty();
            }
            return Optional.of(file);
        }
        catch (IllegalArgumentException | IOException e) {
            return Optional.empty();
        }
    }

    void send(Path file, String range, HttpServletResponse response) throws IOException {
        long size = Files.size(file);
        long first = 0;
        long last = size - 1;
        Matcher asked = range == null ? null : RANGE.matcher(range.strip());
        if (asked != null && asked.matches() && !(asked.group(1).isEmpty() && asked.group(2).isEmpty())) {
            if (asked.group(1).isEmpty()) {
                first = Math.max(0, size - Long.parseLong(asked.group(2)));
            }
            else {
                first = Long.parseLong(asked.group(1));
                last = asked.group(2).isEmpty() ? last : Math.min(last, Long.parseLong(asked.group(2)));
            }
            if (first > last) {
                response.setHeader("Content-Range", "bytes */" + size);
                response.sendError(HttpServletResponse.SC_REQUESTED_RANGE_NOT_SATISFIABLE);
                return;
            }
            response.setStatus(HttpServletResponse.SC_PARTIAL_CONTENT);
            response.setHeader("Content-Range", "bytes " + first + "-" + last + "/" + size);
        }
        response.setContentType("audio/mpeg");
        response.setHeader("Accept-Ranges", "bytes");
        response.setHeader("Cache-Control", "no-store"); // a take's name stays, its bytes change with the next take
        response.setContentLengthLong(last - first + 1);
        try (SeekableByteChannel channel = Files.newByteChannel(file); OutputStream out = response.getOutputStream()) {
            channel.position(first);
            InputStream in = Channels.newInputStream(channel);
            in.transferTo(new BoundedOutput(out, last - first + 1));
        }
    }

    /** Passes on at most {@code left} bytes. */
    private static final class BoundedOutput extends OutputStream {

        private final OutputStream out;
        private long left;

        BoundedOutput(OutputStream out, long left) {
            this.out = out;
            this.left = left;
        }

        @Override
        public void write(int b) throws IOException {
            if (left > 0) {
                out.write(b);
                left--;
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            int passed = (int) Math.min(length, left);
            if (passed > 0) {
                out.write(bytes, offset, passed);
                left -= passed;
            }
        }
    }
}
