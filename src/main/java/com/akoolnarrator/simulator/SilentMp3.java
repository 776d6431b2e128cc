package com.akoolnarrator.simulator;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Valid MP3 bytes of a given duration, laid out as encoders write them: an ID3v2.3 tag, an "Info" header frame (what
 * LAME writes first: a silent frame that carries the frame count), then silent MPEG-2 Layer III frames (8 kbit/s,
 * 16 kHz, mono: 36 bytes and 36 ms each), so that sizes stay small in benchmarks yet every decoder and our frame
 * parser accept them.
 */
public final class SilentMp3 {

    static final int FRAME_BYTES = 36;
    static final double FRAME_SECONDS = 576.0 / 16_000;
    private static final byte[] FRAME_HEADER = { (byte) 0xFF, (byte) 0xF3, (byte) 0x18, (byte) 0xC0 };

    private SilentMp3() {
    }

    /** One silent frame, 36 ms. */
    static byte[] frame() {
        byte[] frame = new byte[FRAME_BYTES];
        System.arraycopy(FRAME_HEADER, 0, frame, 0, FRAME_HEADER.length);
        return frame;
    }

    public static byte[] ofSeconds(double seconds) {
        int frames = Math.max(1, (int) Math.ceil(seconds / FRAME_SECONDS));
        byte[] tag = id3Tag("akool-simulator");
        byte[] mp3 = new byte[tag.length + (frames + 1) * FRAME_BYTES];
        System.arraycopy(tag, 0, mp3, 0, tag.length);
        for (int i = 0; i <= frames; i++) {
            System.arraycopy(FRAME_HEADER, 0, mp3, tag.length + i * FRAME_BYTES, FRAME_HEADER.length);
        }
        writeInfoFrame(mp3, tag.length, frames, frames * FRAME_BYTES);
        return mp3;
    }

    /** The Xing/Info tag after the frame header and the 9 bytes of MPEG-2 mono side information: frames and bytes. */
    private static void writeInfoFrame(byte[] mp3, int frameStart, int frames, int bytes) {
        int at = frameStart + 4 + 9;
        System.arraycopy("Info".getBytes(StandardCharsets.ISO_8859_1), 0, mp3, at, 4);
        putInt(mp3, at + 4, 0x3); // flags: frame count and byte count present
        putInt(mp3, at + 8, frames);
        putInt(mp3, at + 12, bytes);
    }

    private static void putInt(byte[] b, int at, int value) {
        b[at] = (byte) (value >>> 24);
        b[at + 1] = (byte) (value >>> 16);
        b[at + 2] = (byte) (value >>> 8);
        b[at + 3] = (byte) value;
    }

    /** An ID3v2.3 tag naming the encoder, as encoders begin their files. */
    static byte[] id3Tag(String encoder) {
        byte[] text = encoder.getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.writeBytes("TSSE".getBytes(StandardCharsets.ISO_8859_1));
        int size = text.length + 1;
        frame.writeBytes(new byte[] { (byte) (size >>> 24), (byte) (size >>> 16), (byte) (size >>> 8), (byte) size, 0, 0, 0 });
        frame.writeBytes(text);
        byte[] body = frame.toByteArray();
        ByteArrayOutputStream tag = new ByteArrayOutputStream();
        tag.writeBytes(new byte[] { 'I', 'D', '3', 3, 0, 0 });
        int n = body.length;
        tag.writeBytes(new byte[] { (byte) ((n >>> 21) & 0x7F), (byte) ((n >>> 14) & 0x7F), (byte) ((n >>> 7) & 0x7F), (byte) (n & 0x7F) });
        tag.writeBytes(body);
        return tag.toByteArray();
    }
}
