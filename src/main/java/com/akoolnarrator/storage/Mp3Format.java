package com.akoolnarrator.storage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Just enough of the MP3 format to trust a download and to measure it: recognise an ID3v2 tag or an MPEG audio frame
 * header, and compute the duration by walking the frames (not estimating from the size).
 */
public final class Mp3Format {

    private static final int[][] BITRATES_KBPS = {
            { 0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448 }, // MPEG-1 layer I
            { 0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384 },   // MPEG-1 layer II
            { 0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320 },    // MPEG-1 layer III
            { 0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256 },   // MPEG-2/2.5 layer I
            { 0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160 },        // MPEG-2/2.5 layers II, III
    };
    private static final int[][] SAMPLE_RATES = { { 11025, 12000, 8000 }, null, { 22050, 24000, 16000 }, { 44100, 48000, 32000 } };

    /** The largest MPEG audio frame (MPEG-1 Layer I at 448 kbit/s, 32 kHz) is 1,680 bytes; the window keeps more. */
    private static final int MAX_FRAME = 4096;
    private static final int WINDOW = 64 * 1024;

    private Mp3Format() {
    }

    /** Whether these first bytes start an MP3 file: an ID3v2 tag or an MPEG audio frame. */
    public static boolean looksLikeMp3(byte[] head, int length) {
        if (length >= 3 && head[0] == 'I' && head[1] == 'D' && head[2] == '3') {
            return true;
        }
        return length >= 4 && frameAt(head, 0) != null;
    }

    /**
     * Playing time in seconds, from the frames; 0 when the file holds no MPEG audio frame. Streams the file through a
     * small window, so a long narration is measured in constant memory.
     */
    public static double durationSeconds(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return durationSeconds(in);
        }
    }

    public static double durationSeconds(byte[] bytes) {
        try {
            return durationSeconds(new ByteArrayInputStream(bytes));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double durationSeconds(InputStream in) throws IOException {
        byte[] window = new byte[WINDOW];
        int end = in.readNBytes(window, 0, 10);
        int tag = id3v2Length(window);
        int start = 0;
        if (tag > 0) {
            in.skip(tag - end);
            end = 0;
        }
        boolean eof = false;
        double seconds = 0;
        while (true) {
            if (!eof && end - start < MAX_FRAME) {
                System.arraycopy(window, start, window, 0, end - start);
                end -= start;
                start = 0;
                int read = in.readNBytes(window, end, window.length - end);
                end += read;
                eof = end < window.length;
                java.util.Arrays.fill(window, end, window.length, (byte) 0);
            }
            if (start + 4 > end) {
                return seconds;
            }
            Frame frame = frameAt(window, start);
            if (frame == null) {
                if (tagAt(window, start, "TAG") && end - start <= 128) {
                    return seconds; // ID3v1 trailer
                }
                start++; // resynchronise past junk
                continue;
            }
            if (!isHeaderFrame(window, start)) {
                seconds += (double) frame.samples() / frame.sampleRate();
            }
            start += frame.length();
        }
    }

    /** Length of a leading ID3v2 tag (header, body and footer) as its header declares it, or 0; needs the first 10 bytes. */
    public static int id3v2Length(byte[] bytes) {
        if (bytes.length < 10 || bytes[0] != 'I' || bytes[1] != 'D' || bytes[2] != '3') {
            return 0;
        }
        int size = ((bytes[6] & 0x7F) << 21) | ((bytes[7] & 0x7F) << 14) | ((bytes[8] & 0x7F) << 7) | (bytes[9] & 0x7F);
        boolean footer = (bytes[5] & 0x10) != 0;
        return 10 + size + (footer ? 10 : 0);
    }

    /**
     * Whether the frame at {@code i} is an encoder's header frame (Xing/Info or VBRI) rather than audio: it holds
     * metadata about the whole file, so it is not counted as playing time and is dropped when files are joined.
     */
    public static boolean isHeaderFrame(byte[] b, int i) {
        if (frameAt(b, i) == null) {
            return false;
        }
        boolean mpeg1 = ((b[i + 1] >> 3) & 0x03) == 3;
        boolean mono = ((b[i + 3] >> 6) & 0x03) == 3;
        int xing = i + 4 + (mpeg1 ? (mono ? 17 : 32) : (mono ? 9 : 17));
        return tagAt(b, xing, "Xing") || tagAt(b, xing, "Info") || tagAt(b, i + 4 + 32, "VBRI");
    }

    private static boolean tagAt(byte[] b, int at, String tag) {
        if (at + tag.length() > b.length) {
            return false;
        }
        for (int k = 0; k < tag.length(); k++) {
            if (b[at + k] != tag.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** Length of an ID3v1 trailer ("TAG" and 125 bytes) at the end of the file, or 0. */
    public static int id3v1Length(byte[] tail) {
        int at = tail.length - 128;
        return at >= 0 && tagAt(tail, at, "TAG") ? 128 : 0;
    }

    /**
     * One MPEG audio frame's header: its length in bytes with the header, its samples per channel, its rate, its layer
     * (1, 2 or 3).
     */
    public record Frame(int length, int samples, int sampleRate, int layer) {
    }

    /** The frame whose header starts at {@code i}, or {@code null} when none does. */
    public static Frame frameAt(byte[] b, int i) {
        if (i + 4 > b.length || (b[i] & 0xFF) != 0xFF || (b[i + 1] & 0xE0) != 0xE0) {
            return null;
        }
        int version = (b[i + 1] >> 3) & 0x03;     // 0: 2.5, 2: 2, 3: 1
        int layer = (b[i + 1] >> 1) & 0x03;       // 1: III, 2: II, 3: I
        int bitrateIndex = (b[i + 2] >> 4) & 0x0F;
        int rateIndex = (b[i + 2] >> 2) & 0x03;
        int padding = (b[i + 2] >> 1) & 0x01;
        if (version == 1 || layer == 0 || bitrateIndex == 0 || bitrateIndex == 15 || rateIndex == 3) {
            return null;
        }
        boolean mpeg1 = version == 3;
        int table = mpeg1 ? 3 - layer : (layer == 3 ? 3 : 4);
        int bitrate = BITRATES_KBPS[table][bitrateIndex] * 1000;
        int sampleRate = SAMPLE_RATES[version][rateIndex];
        int samples;
        int length;
        if (layer == 3) {
            samples = 384;
            length = (12 * bitrate / sampleRate + padding) * 4;
        }
        else {
            samples = (layer == 1 && !mpeg1) ? 576 : 1152;
            length = samples / 8 * bitrate / sampleRate + padding;
        }
        return length < 4 ? null : new Frame(length, samples, sampleRate, 4 - layer);
    }
}
