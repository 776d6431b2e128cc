package com.akoolnarrator.audio;

import java.util.List;

/**
 * What decoding an MP3 showed.
 *
 * @param seconds               playing time of the decoded audio
 * @param loudnessLufs          integrated loudness (ITU-R BS.1770); {@code null} when nothing passes its -70 LUFS gate
 * @param peakDbfs              the highest sample, in dB below full scale; {@code null} for digital silence
 * @param clippedSamples        samples in runs of three or more at full scale, where a waveform was cut off
 * @param longestSilenceSeconds the longest stretch without speech between the first and the last speech
 * @param longestSilenceAt      where that stretch starts, in seconds from the start
 * @param silent                no speech at all: nothing above the silence threshold
 * @param pauses                every stretch without speech of at least {@link Pause#MIN_SECONDS}, in order, with the
 *                              silence before the first word and after the last; none for a silent file
 */
record AudioMeasurement(double seconds, Double loudnessLufs, Double peakDbfs, long clippedSamples,
        double longestSilenceSeconds, double longestSilenceAt, boolean silent, List<Pause> pauses) {

    /** The same audio with every sample scaled by {@code gainDb}, as a global-gain change does (short of clipping). */
    public AudioMeasurement withGain(double gainDb) {
        return new AudioMeasurement(seconds, loudnessLufs == null ? null : loudnessLufs + gainDb,
                peakDbfs == null ? null : peakDbfs + gainDb, clippedSamples, longestSilenceSeconds, longestSilenceAt,
                silent, pauses);
    }
}
