package com.akoolnarrator.tags;

import com.akoolnarrator.input.TrackTags;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.akoolnarrator.storage.Mp3Format;

/**
 * Reads a file's leading ID3v2 tag (versions 2.3 and 2.4, as this job and common encoders write them): its text
 * frames, its TXXX frames and its chapters. What it cannot read (an encrypted or compressed frame, a tag over 16 MB)
 * is left out; a file without a tag reads as none.
 */
public final class Id3Reader {

    private static final int MAX_TAG = 16 * 1024 * 1024;

    private Id3Reader() {
    }

    /** What a tag holds: text frames by id (TIT2...), TXXX values by description, and chapters in file order. */
    public record ReadTag(Map<String, String> text, Map<String, String> userText, List<Chapter> chapters) {

        public String text(String id) {
            return text.getOrDefault(id, "");
        }

        public Optional<String> userText(String description) {
            return Optional.ofNullable(userText.get(description));
        }

        /** The row's tags as this file carries them. */
        public TrackTags trackTags() {
            return new TrackTags(text("TIT2"), text("TALB"), text("TPE1"), text("TRCK"), text("COMM"));
        }
    }

    public static Optional<ReadTag> read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] header = in.readNBytes(10);
            int length = Mp3Format.id3v2Length(header);
            if (length == 0 || length > MAX_TAG) {
                return Optional.empty();
            }
            byte[] body = in.readNBytes(length - 10);
            try {
                return Optional.of(parse(header[3], header[5], body));
            }
            catch (RuntimeException malformed) { // a malformed tag says nothing a file could be trusted for
                return Optional.empty();
            }
        }
    }

    static ReadTag parse(int version, int flags, byte[] body) {
        return parse(version, flags, body, true);
    }

    /**
     * The frames of a tag's body; sizes are checked against what is there before anything is read or copied.
     *
     * @param chapters whether CHAP frames are read: a chapter's own frames are read once, and a CHAP nested in them is
     *                 passed over (60,000 nested ones overflowed the stack)
     */
    private static ReadTag parse(int version, int flags, byte[] body, boolean chapters) {
        Map<String, String> text = new HashMap<>();
        Map<String, String> userText = new HashMap<>();
        List<Chapter> found = new ArrayList<>();
        if (version != 3 && version != 4) {
            return new ReadTag(text, userText, found);
        }
        if (version == 3 && (flags & 0x80) != 0) {
            body = resynchronised(body, 0, body.length);
        }
        int at = 0;
        if ((flags & 0x40) != 0 && body.length >= 4) { // an extended header
            long size = version == 4 ? syncSafe(body, 0) : (int32(body, 0) & 0xFFFFFFFFL) + 4;
            if (size > body.length) {
                return new ReadTag(Map.of(), Map.of(), List.of());
            }
            at = (int) size;
        }
        while (at + 10 <= body.length && body[at] != 0) {
            String id = new String(body, at, 4, StandardCharsets.ISO_8859_1);
            int size = version == 4 ? syncSafe(body, at + 4) : int32(body, at + 4);
            int frameFlags = body[at + 9] & 0xFF;
            int start = at + 10;
            if (size < 0 || size > body.length - start) { // a size past the tag's end, or past an int's
                break;
            }
            byte[] frame = java.util.Arrays.copyOfRange(body, start, start + size);
            at = start + size;
            if (version == 4) {
                if ((frameFlags & 0x0C) != 0) { // compressed or encrypted
                    continue;
                }
                if ((frameFlags & 0x02) != 0) {
                    frame = resynchronised(frame, 0, frame.length);
                }
                if ((frameFlags & 0x01) != 0 && frame.length >= 4) { // a data length indicator
                    frame = java.util.Arrays.copyOfRange(frame, 4, frame.length);
                }
            }
            else if ((frameFlags & 0xC0) != 0) {
                continue;
            }
            if (!id.equals("CHAP") || chapters) {
                read(id, frame, version, text, userText, found);
            }
        }
        return new ReadTag(Map.copyOf(text), Map.copyOf(userText), List.copyOf(found));
    }

    private static void read(String id, byte[] frame, int version, Map<String, String> text, Map<String, String> userText,
            List<Chapter> chapters) {
        if (frame.length == 0) {
            return;
        }
        if (id.equals("TXXX")) {
            List<String> values = strings(frame[0], frame, 1);
            if (values.size() >= 2) {
                userText.putIfAbsent(values.get(0), values.get(1));
            }
        }
        else if (id.equals("COMM") && frame.length >= 4) {
            List<String> values = strings(frame[0], frame, 4);
            if (values.size() >= 2) {
                text.putIfAbsent("COMM", values.get(1));
            }
        }
        else if (id.startsWith("T")) {
            List<String> values = strings(frame[0], frame, 1);
            text.putIfAbsent(id, values.isEmpty() ? "" : values.get(0));
        }
        else if (id.equals("CHAP")) {
            int end = indexOf(frame, 0, 1);
            if (end < 0 || end + 17 > frame.length) {
                return;
            }
            long start = int32(frame, end + 1) & 0xFFFFFFFFL;
            long stop = int32(frame, end + 5) & 0xFFFFFFFFL;
            byte[] sub = java.util.Arrays.copyOfRange(frame, end + 17, frame.length);
            Map<String, String> subText = new HashMap<>();
            ReadTag inner = parse(version, 0, sub, false);
            subText.putAll(inner.text());
            chapters.add(new Chapter(start, stop, subText.getOrDefault("TIT2", "")));
        }
    }

    /** The strings of a frame from {@code from}, split at its encoding's terminator. */
    private static List<String> strings(byte encoding, byte[] frame, int from) {
        Charset charset = switch (encoding) {
            case 1 -> StandardCharsets.UTF_16;
            case 2 -> StandardCharsets.UTF_16BE;
            case 3 -> StandardCharsets.UTF_8;
            default -> StandardCharsets.ISO_8859_1;
        };
        int unit = encoding == 1 || encoding == 2 ? 2 : 1;
        List<String> values = new ArrayList<>();
        int at = from;
        while (at <= frame.length) {
            int end = indexOf(frame, at, unit);
            int stop = end < 0 ? frame.length : end;
            values.add(new String(frame, at, stop - at, charset));
            if (end < 0) {
                break;
            }
            at = end + unit;
        }
        return values;
    }

    private static int indexOf(byte[] frame, int from, int unit) {
        for (int i = from; i + unit <= frame.length; i += unit) {
            if (frame[i] == 0 && (unit == 1 || frame[i + 1] == 0)) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] resynchronised(byte[] bytes, int from, int to) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            out.write(bytes[i]);
            if ((bytes[i] & 0xFF) == 0xFF && i + 1 < to && bytes[i + 1] == 0) {
                i++;
            }
        }
        return out.toByteArray();
    }

    private static int syncSafe(byte[] b, int at) {
        return ((b[at] & 0x7F) << 21) | ((b[at + 1] & 0x7F) << 14) | ((b[at + 2] & 0x7F) << 7) | (b[at + 3] & 0x7F);
    }

    private static int int32(byte[] b, int at) {
        return ((b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
    }
}
