package com.akoolnarrator.audio;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Which flags a measurement earns, and how each is said to a person, against {@code narrator.audio.*}. */
public final class AudioCheck {

    private final AudioProperties settings;

    public AudioCheck(AudioProperties settings) {
        this.settings = settings;
    }

    /** The flags a file earns on its own (a silent file earns SILENT alone: nothing else in it means anything). */
    Set<AudioFlag> flags(AudioMeasurement measured) {
        EnumSet<AudioFlag> flags = EnumSet.noneOf(AudioFlag.class);
        if (measured.silent()) {
            flags.add(AudioFlag.SILENT);
            return flags;
        }
        if (measured.longestSilenceSeconds() > seconds(settings.maxSilence())) {
            flags.add(AudioFlag.LONG_SILENCE);
        }
        if (measured.clippedSamples() > settings.maxClippedSamples()) {
            flags.add(AudioFlag.CLIPPED);
        }
        Double lufs = measured.loudnessLufs();
        if (lufs != null && lufs < settings.loudnessReference() - settings.loudnessTolerance()) {
            flags.add(AudioFlag.TOO_QUIET);
        }
        if (lufs != null && lufs > settings.loudnessReference() + settings.loudnessTolerance()) {
            flags.add(AudioFlag.TOO_LOUD);
        }
        return flags;
    }

    /**
     * The results' {@code audio_check}: "OK", or each flag with what was measured and the limit it broke; "" for a
     * file never checked.
     *
     * @param expectedSeconds what this run's other files of the same voice and rate suggest, for TOO_SHORT and TOO_LONG
     */
    public String describe(AudioFindings findings, Double expectedSeconds) {
        if (findings == null) {
            return "";
        }
        if (findings.flags().isEmpty()) {
            return "OK";
        }
        List<String> reasons = new ArrayList<>();
        for (AudioFlag flag : findings.flags()) {
            reasons.add(flag + ": " + reason(flag, findings.measurement(), expectedSeconds));
        }
        return String.join("; ", reasons);
    }

    private String reason(AudioFlag flag, AudioMeasurement m, Double expectedSeconds) {
        String expected = " where this run's other files of the same voice and rate suggest about "
                + number(expectedSeconds) + " s";
        return switch (flag) {
            case UNDECODABLE -> "the MP3's frames cannot be decoded; play it, and narrate the row again if it is broken";
            case SILENT -> "no speech in " + number(m.seconds()) + " s of audio (nothing above "
                    + number(settings.silenceThreshold()) + " dBFS)";
            case TOO_SHORT -> number(m.seconds()) + " s" + expected + ": the speech may be cut off";
            case TOO_LONG -> number(m.seconds()) + " s" + expected + ": listen for repeats or noise";
            case LONG_SILENCE -> number(m.longestSilenceSeconds()) + " s without speech from "
                    + number(m.longestSilenceAt()) + " s (narrator.audio.max-silence is "
                    + number(seconds(settings.maxSilence())) + " s)";
            case CLIPPED -> m.clippedSamples() + " samples clipped at full scale";
            case TOO_QUIET -> number(m.loudnessLufs()) + " LUFS, more than " + number(settings.loudnessTolerance())
                    + " LU below " + number(settings.loudnessReference()) + " LUFS";
            case TOO_LOUD -> number(m.loudnessLufs()) + " LUFS, more than " + number(settings.loudnessTolerance())
                    + " LU above " + number(settings.loudnessReference()) + " LUFS";
        };
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    private static String number(Double value) {
        return value == null ? "?" : String.format(Locale.ROOT, "%.1f", value);
    }
}
