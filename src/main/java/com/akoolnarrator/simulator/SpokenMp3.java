package com.akoolnarrator.simulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.akoolnarrator.audio.GlobalGain;
import com.akoolnarrator.storage.Mp3Format;

/**
 * Audible MP3s whose length follows the text, cut from real speech: recordings committed beside this class, two for
 * each format ({@code simulator.speech-format}). {@code 16k}: {@code speech.mp3}, espeak-ng read through lame at
 * 16 kbit/s, 16 kHz mono, and {@code speech-loud.mp3}, the same driven hard; {@code 44k}, {@code 32k}, {@code 24k}:
 * {@code speech-44k.mp3} and {@code speech-44k-loud.mp3} and so on, another espeak-ng reading at 128 kbit/s, mono, at
 * those rates, as a studio voice comes from Akool. All without the bit reservoir, so that any run of their frames
 * decodes on its own. Each {@link Fault} is what a bad take at Akool sounds like, made so that it shows that fault and
 * no other.
 */
final class SpokenMp3 {

    /** What is wrong with a job's audio. */
    enum Fault { NONE, SILENT, CUT_OFF, TOO_LONG, LONG_SILENCE, CLIPPED, TOO_QUIET, TOO_LOUD }

    private static final double GAP_SECONDS = 6;
    /** The formats there are recordings of. */
    static final List<String> FORMATS = List.of("16k", "24k", "32k", "44k");

    private final List<byte[]> speech;
    private final List<byte[]> loudSpeech;
    private final double frameSeconds;
    /** The 16 kHz recordings' silences are {@link SilentMp3}'s; the others', their own frames with nothing in them. */
    private final boolean phone;
    private final byte[] silence;

    SpokenMp3(String format) {
        this.phone = format.equals("16k");
        String name = phone ? "speech" : "speech-" + format;
        this.speech = frames(name + ".mp3");
        this.loudSpeech = frames(name + "-loud.mp3");
        byte[] first = speech.get(0);
        Mp3Format.Frame header = Mp3Format.frameAt(first, 0);
        this.frameSeconds = (double) header.samples() / header.sampleRate();
        this.silence = phone ? SilentMp3.frame() : silentLike(first);
    }

    /** A frame of the same format with no audio in it: its header, and zeros (no side information, no samples). */
    private static byte[] silentLike(byte[] frame) {
        byte[] silent = new byte[frame.length];
        System.arraycopy(frame, 0, silent, 0, 4);
        silent[1] |= 0x01; // no CRC: the zeros that follow are side information, not a checksum
        return silent;
    }

    byte[] ofSeconds(double seconds, Fault fault) {
        int frames = Math.max(1, (int) Math.ceil(seconds / frameSeconds));
        ByteArrayOutputStream mp3 = new ByteArrayOutputStream(frames * 80);
        mp3.writeBytes(SilentMp3.id3Tag("akool-simulator"));
        switch (fault) {
            case SILENT -> {
                if (phone) {
                    return SilentMp3.ofSeconds(seconds);
                }
                appendSilence(mp3, frames);
                return mp3.toByteArray();
            }
            case CUT_OFF -> append(mp3, speech, 0, Math.max(1, frames / 3));
            case TOO_LONG -> append(mp3, speech, 0, frames * 5 / 2);
            case LONG_SILENCE -> {
                int gap = (int) Math.ceil(GAP_SECONDS / frameSeconds);
                int half = Math.max((int) (1 / frameSeconds), (frames - gap) / 2);
                append(mp3, speech, 0, half);
                appendSilence(mp3, gap);
                append(mp3, speech, half, half);
            }
            case TOO_LOUD -> append(mp3, loudSpeech, 0, frames);
            default -> append(mp3, speech, 0, frames);
        }
        return switch (fault) {
            case CLIPPED -> GlobalGain.apply(mp3.toByteArray(), 4);     // +6 dB: the peaks of -3.6 dBFS cut off
            case TOO_QUIET -> GlobalGain.apply(mp3.toByteArray(), -8);  // -12 dB: about -34 LUFS
            default -> mp3.toByteArray();
        };
    }

    private void appendSilence(ByteArrayOutputStream mp3, int count) {
        for (int i = 0; i < count; i++) {
            mp3.writeBytes(silence);
        }
    }

    private static void append(ByteArrayOutputStream mp3, List<byte[]> from, int first, int count) {
        for (int i = 0; i < count; i++) {
            mp3.writeBytes(from.get((first + i) % from.size()));
        }
    }

    private static List<byte[]> frames(String resource) {
        byte[] bytes;
        try (InputStream in = SpokenMp3.class.getResourceAsStream("/simulator/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("the simulator's recording " + resource + " is missing");
            }
            bytes = in.readAllBytes();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<byte[]> frames = new ArrayList<>();
        int at = Mp3Format.id3v2Length(bytes);
        while (at + 4 <= bytes.length) {
            Mp3Format.Frame frame = Mp3Format.frameAt(bytes, at);
            if (frame == null || at + frame.length() > bytes.length) {
                break;
            }
            if (!Mp3Format.isHeaderFrame(bytes, at)) {
                frames.add(Arrays.copyOfRange(bytes, at, at + frame.length()));
            }
            at += frame.length();
        }
        return List.copyOf(frames);
    }
}
