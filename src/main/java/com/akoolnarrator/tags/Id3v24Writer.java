package com.akoolnarrator.tags;

import com.akoolnarrator.input.TrackTags;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Lays out an ID3v2.4 tag by hand (the layouts are small, and the libraries at hand get CTOC flags or text encodings
 * wrong): text frames in UTF-8, a comment, TXXX frames, and for a joined script one CHAP frame per part under a CTOC
 * marked top-level and ordered, as Apple's players require. No unsynchronisation, no padding: the file is rewritten
 * whole whenever its tag changes.
 */
final class Id3v24Writer {

    private static final byte UTF_8 = 3;
    /** CTOC flags: bit 1 top-level, bit 0 ordered (ID3v2 chapter addendum, section 3.2). */
    private static final byte TOP_LEVEL_ORDERED = 0x03;
    /** A CTOC lists at most 255 children (one byte counts them). */
    static final int MAX_CHAPTERS = 255;

    private Id3v24Writer() {
    }

    static byte[] tag(FileTag tag) {
        ByteArrayOutputStream frames = new ByteArrayOutputStream();
        TrackTags tags = tag.tags();
        textFrame(frames, "TIT2", tags.title());
        textFrame(frames, "TALB", tags.album());
        textFrame(frames, "TPE1", tags.artist());
        textFrame(frames, "TRCK", tags.track());
        if (!tags.comment().isEmpty()) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.write(UTF_8);
            body.writeBytes("und".getBytes(StandardCharsets.ISO_8859_1));
            body.write(0); // an empty short description, then the comment itself
            body.writeBytes(utf8(tags.comment()));
            frame(frames, "COMM", body.toByteArray());
        }
        userText(frames, FileTag.CONTENT_HASH, tag.contentHash());
        userText(frames, FileTag.AKOOL_JOB_ID, tag.akoolIds());
        List<Chapter> chapters = tag.chapters().subList(0, Math.min(tag.chapters().size(), MAX_CHAPTERS));
        if (!chapters.isEmpty()) {
            frame(frames, "CTOC", tableOfContents(chapters.size()));
            for (int i = 0; i < chapters.size(); i++) {
                frame(frames, "CHAP", chapter(i, chapters.get(i)));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(10 + frames.size());
        out.writeBytes(new byte[] { 'I', 'D', '3', 4, 0, 0 });
        out.writeBytes(syncSafe(frames.size()));
        out.writeBytes(frames.toByteArray());
        return out.toByteArray();
    }

    private static byte[] tableOfContents(int chapters) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(latin1("toc"));
        body.write(TOP_LEVEL_ORDERED);
        body.write(chapters);
        for (int i = 0; i < chapters; i++) {
            body.writeBytes(latin1(chapterId(i)));
        }
        return body.toByteArray();
    }

    private static byte[] chapter(int index, Chapter chapter) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(latin1(chapterId(index)));
        body.writeBytes(int32(chapter.startMillis()));
        body.writeBytes(int32(chapter.endMillis()));
        body.writeBytes(int32(0xFFFFFFFFL)); // no byte offsets: players seek by time
        body.writeBytes(int32(0xFFFFFFFFL));
        textFrame(body, "TIT2", chapter.title());
        return body.toByteArray();
    }

    private static String chapterId(int index) {
        return "ch" + (index + 1);
    }

    private static void textFrame(ByteArrayOutputStream out, String id, String text) {
        if (text == null || text.isEmpty()) {
            return;
        }
        byte[] value = utf8(text);
        byte[] body = new byte[value.length + 1];
        body[0] = UTF_8;
        System.arraycopy(value, 0, body, 1, value.length);
        frame(out, id, body);
    }

    private static void userText(ByteArrayOutputStream out, String description, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(UTF_8);
        body.writeBytes(utf8(description));
        body.write(0);
        body.writeBytes(utf8(value));
        frame(out, "TXXX", body.toByteArray());
    }

    private static void frame(ByteArrayOutputStream out, String id, byte[] body) {
        out.writeBytes(id.getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(syncSafe(body.length));
        out.write(0);
        out.write(0);
        out.writeBytes(body);
    }

    /** ID3v2.4 sizes: 28 bits in four bytes whose high bit is clear, so that no size looks like an MPEG sync. */
    static byte[] syncSafe(int size) {
        if (size >= 1 << 28) {
            throw new IllegalArgumentException("an ID3 tag or frame over 256 MB");
        }
        return new byte[] { (byte) ((size >> 21) & 0x7F), (byte) ((size >> 14) & 0x7F), (byte) ((size >> 7) & 0x7F),
            (byte) (size & 0x7F) };
    }

    private static byte[] int32(long value) {
        return new byte[] { (byte) (value >> 24), (byte) (value >> 16), (byte) (value >> 8), (byte) value };
    }

    private static byte[] utf8(String value) {
        return value.replace("\u0000", "").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] latin1(String value) {
        byte[] text = value.getBytes(StandardCharsets.ISO_8859_1);
        byte[] terminated = new byte[text.length + 1];
        System.arraycopy(text, 0, terminated, 0, text.length);
        return terminated;
    }
}
