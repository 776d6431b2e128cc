package com.akoolnarrator.storage;

import java.io.IOException;
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

    private Mp3Format() {
    }

    /** Whether these first bytes start an MP3 file: an ID3v2 tag or an MPEG audio frame. */
    public static boolean looksLikeMp3(byte[] head, int length) {
        if (length >= 3 && head[0] == 'I' && head[1] == 'D' && head[2] == '3') {
            return true;
        }
        return length >= 4 && frameAt(head, 0) != null;
    }

    /** Playing time in seconds, from the frames; 0 when the file holds no MPEG audio frame. */
    public static double durationSeconds(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        return durationSeconds(bytes);
    }

    public static double durationSeconds(byte[] bytes) {
        int offset = id3v2Length(bytes);
        double seconds = 0;
        while (offset + 4 <= bytes.length) {
            Frame frame = frameAt(bytes, offset);
            if (frame == null) {
                if (offset + 3 <= bytes.length && bytes[offset] == 'T' && bytes[offset + 1] == 'A' && bytes[offset + 2] == 'G') {
                    break; // ID3v1 trailer
                }
                offset++; // resynchronise past junk
                continue;
            }
            seconds += (double) frame.samples() / frame.sampleRate();
            offset += frame.length();
        }
        return seconds;
    }

    /** Length of a leading ID3v2 tag (header, body and footer), or 0. */
    public static int id3v2Length(byte[] bytes) {
        if (bytes.length < 10 || bytes[0] != 'I' || bytes[1] != 'D' || bytes[2] != '3') {
            return 0;
        }
        int size = ((bytes[6] & 0x7F) << 21) | ((bytes[7] & 0x7F) << 14) | ((bytes[8] & 0x7F) << 7) | (bytes[9] & 0x7F);
        boolean footer = (bytes[5] & 0x10) != 0;
        return Math.min(bytes.length, 10 + size + (footer ? 10 : 0));
    }

    record Frame(int length, int samples, int sampleRate) {
    }

    static Frame frameAt(byte[] b, int i) {
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
        return length < 4 ? null : new Frame(length, samples, sampleRate);
    }
}
