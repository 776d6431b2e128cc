package com.akoolnarrator.audio;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

import com.akoolnarrator.storage.Mp3Format;

/**
 * Changes an MP3's volume without re-encoding it, the mp3gain way: every Layer III granule carries a
 * {@code global_gain} in its side information, and one step of it scales the decoded samples by 2^(1/4), 1.5 dB. Only those 8-bit fields
 * (and a frame's CRC, when it has one) change; the encoder's header frame (Xing/Info) and tags are copied as they are.
 */
public final class GlobalGain {

    /** One global-gain step in dB: 20·log10(2^(1/4)). */
    static final double STEP_DB = 20 * Math.log10(Math.pow(2, 0.25));

    private static final int MAX_FRAME = 2 * 1441 + 8;

    private GlobalGain() {
    }

    /** The same MP3 with every granule's gain moved by {@code steps}. */
    public static byte[] apply(byte[] mp3, int steps) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(mp3.length);
        try {
            apply(new ByteArrayInputStream(mp3), out, steps);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Copies an MP3 with every granule's gain moved by {@code steps} (kept within 0 to 255).
     *
     * @return how many frames were changed
     */
    static long apply(InputStream in, OutputStream out, int steps) throws IOException {
        byte[] frame = new byte[MAX_FRAME];
        int held = in.readNBytes(frame, 0, 10);
        int tag = Mp3Format.id3v2Length(Arrays.copyOf(frame, held));
        if (tag > 0) {
            out.write(frame, 0, held);
            copy(in, out, tag - held);
            held = 0;
        }
        long changed = 0;
        while (true) {
            if (held < 4) {
                held += in.readNBytes(frame, held, 4 - held);
                if (held < 4) {
                    out.write(frame, 0, held);
                    return changed;
                }
            }
            Mp3Format.Frame header = Mp3Format.frameAt(frame, 0);
            if (header == null || header.length() > MAX_FRAME) {
                out.write(frame[0]); // junk or a trailing tag: copied a byte at a time until a frame starts
                System.arraycopy(frame, 1, frame, 0, held - 1);
                held--;
                continue;
            }
            int length = header.length();
            if (held < length) {
                held += in.readNBytes(frame, held, length - held);
            }
            if (held < length) {
                out.write(frame, 0, held); // a truncated last frame: kept as it was
                return changed;
            }
            if (isLayer3(frame) && !Mp3Format.isHeaderFrame(frame, 0)) {
                adjust(frame, steps);
                changed++;
            }
            out.write(frame, 0, length);
            System.arraycopy(frame, length, frame, 0, held - length);
            held -= length;
        }
    }

    private static boolean isLayer3(byte[] frame) {
        return ((frame[1] >> 1) & 0x03) == 1;
    }

    /** Moves each granule's global_gain of one Layer III frame, then its CRC-16 when the frame is protected. */
    private static void adjust(byte[] frame, int steps) {
        boolean mpeg1 = ((frame[1] >> 3) & 0x03) == 3;
        boolean protectedByCrc = (frame[1] & 0x01) == 0;
        int channels = ((frame[3] >> 6) & 0x03) == 3 ? 1 : 2;
        int sideInfo = protectedByCrc ? 6 : 4;
        int granules = mpeg1 ? 2 : 1;
        // main_data_begin, private bits (and scfsi): then per granule and channel, part2_3_length and big_values
        int first = mpeg1 ? 9 + (channels == 1 ? 5 : 3) + 4 * channels : 8 + channels;
        int granuleBits = mpeg1 ? 59 : 63;
        for (int g = 0; g < granules; g++) {
            for (int c = 0; c < channels; c++) {
                int bit = sideInfo * 8 + first + (g * channels + c) * granuleBits + 12 + 9;
                int gain = readBits(frame, bit, 8);
                writeBits(frame, bit, 8, Math.max(0, Math.min(255, gain + steps)));
            }
        }
        if (protectedByCrc) {
            int sideInfoBytes = mpeg1 ? (channels == 1 ? 17 : 32) : (channels == 1 ? 9 : 17);
            int crc = crc16(frame, 2, 2, 0xFFFF);
            crc = crc16(frame, 6, sideInfoBytes, crc);
            frame[4] = (byte) (crc >>> 8);
            frame[5] = (byte) crc;
        }
    }

    private static int readBits(byte[] b, int bit, int count) {
        int value = 0;
        for (int i = 0; i < count; i++) {
            int at = bit + i;
            value = (value << 1) | ((b[at >>> 3] >> (7 - (at & 7))) & 1);
        }
        return value;
    }

    private static void writeBits(byte[] b, int bit, int count, int value) {
        for (int i = 0; i < count; i++) {
            int at = bit + i;
            int mask = 1 << (7 - (at & 7));
            if (((value >> (count - 1 - i)) & 1) != 0) {
                b[at >>> 3] |= (byte) mask;
            }
            else {
                b[at >>> 3] &= (byte) ~mask;
            }
        }
    }

    /** MPEG audio's CRC-16 (polynomial 0x8005), over {@code length} bytes from {@code offset}. */
    private static int crc16(byte[] b, int offset, int length, int crc) {
        for (int i = offset; i < offset + length; i++) {
            crc ^= (b[i] & 0xFF) << 8;
            for (int k = 0; k < 8; k++) {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x8005 : crc << 1;
            }
        }
        return crc & 0xFFFF;
    }

    private static void copy(InputStream in, OutputStream out, long bytes) throws IOException {
        byte[] buffer = new byte[8192];
        while (bytes > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, bytes));
            if (n < 0) {
                return;
            }
            out.write(buffer, 0, n);
            bytes -= n;
        }
    }
}
