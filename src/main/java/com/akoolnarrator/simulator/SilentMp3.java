package com.akoolnarrator.simulator;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Valid MP3 bytes of a given duration: an ID3v2.3 tag, then silent MPEG-2 Layer III frames (8 kbit/s, 16 kHz, mono:
 * 36 bytes and 36 ms each), so that sizes stay small in benchmarks yet every decoder and our frame parser accept them.
 */
public final class SilentMp3 {

    static final int FRAME_BYTES = 36;
    static final double FRAME_SECONDS = 576.0 / 16_000;
    private static final byte[] FRAME_HEADER = { (byte) 0xFF, (byte) 0xF3, (byte) 0x18, (byte) 0xC0 };

    private SilentMp3() {
    }

    public static byte[] ofSeconds(double seconds) {
        int frames = Math.max(1, (int) Math.ceil(seconds / FRAME_SECONDS));
        byte[] tag = id3Tag("akool-simulator");
        byte[] mp3 = new byte[tag.length + frames * FRAME_BYTES];
        System.arraycopy(tag, 0, mp3, 0, tag.length);
        for (int i = 0; i < frames; i++) {
            System.arraycopy(FRAME_HEADER, 0, mp3, tag.length + i * FRAME_BYTES, FRAME_HEADER.length);
        }
        return mp3;
    }

    private static byte[] id3Tag(String encoder) {
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
