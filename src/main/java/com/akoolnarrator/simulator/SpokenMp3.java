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
 * Audible MP3s whose length follows the text, cut from real speech: two recordings committed beside this class
 * ({@code speech.mp3}, espeak-ng read through lame at 16 kbit/s, 16 kHz mono, without the bit reservoir so that any run
 * of its frames decodes on its own; {@code speech-loud.mp3}, the same driven hard). Each {@link Fault} is what a bad
 * take at Akool sounds like, made so that it shows that fault and no other.
 */
final class SpokenMp3 {

    /** What is wrong with a job's audio. */
    enum Fault { NONE, SILENT, CUT_OFF, TOO_LONG, LONG_SILENCE, CLIPPED, TOO_QUIET, TOO_LOUD }

    private static final double FRAME_SECONDS = 576.0 / 16_000;
    private static final double GAP_SECONDS = 6;

    private final List<byte[]> speech = frames("speech.mp3");
    private final List<byte[]> loudSpeech = frames("speech-loud.mp3");

    byte[] ofSeconds(double seconds, Fault fault) {
        int frames = Math.max(1, (int) Math.ceil(seconds / FRAME_SECONDS));
        ByteArrayOutputStream mp3 = new ByteArrayOutputStream(frames * 80);
        mp3.writeBytes(SilentMp3.id3Tag("akool-simulator"));
        switch (fault) {
            case SILENT -> {
                return SilentMp3.ofSeconds(seconds);
            }
            case CUT_OFF -> append(mp3, speech, 0, Math.max(1, frames / 3));
            case TOO_LONG -> append(mp3, speech, 0, frames * 5 / 2);
            case LONG_SILENCE -> {
                int gap = (int) Math.ceil(GAP_SECONDS / FRAME_SECONDS);
                int half = Math.max((int) (1 / FRAME_SECONDS), (frames - gap) / 2);
                append(mp3, speech, 0, half);
                for (int i = 0; i < gap; i++) {
                    mp3.writeBytes(SilentMp3.frame());
                }
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
