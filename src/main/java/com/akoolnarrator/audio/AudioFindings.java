package com.akoolnarrator.audio;

import java.util.EnumSet;
import java.util.Set;

import com.akoolnarrator.ledger.CheckedAudio;

/**
 * What the audio check found in one file, as the ledger keeps it.
 *
 * @param measurement the final file's, after any levelling; {@code null} when it could not be decoded
 * @param gainDb      the gain levelling applied (0 when none)
 * @param flags       the flags the file alone shows; TOO_SHORT and TOO_LONG, which need the run's other files, are
 *                    added when the run reviews them
 */
public record AudioFindings(AudioMeasurement measurement, double gainDb, Set<AudioFlag> flags) {

    public AudioFindings {
        flags = flags.isEmpty() ? EnumSet.noneOf(AudioFlag.class) : EnumSet.copyOf(flags);
    }

    /** The findings as the ledger keeps them. */
    public CheckedAudio asChecked() {
        String names = AudioFlag.format(flags);
        if (measurement == null) {
            return new CheckedAudio(null, null, null, gainDb, 0, 0, 0, names, null);
        }
        return new CheckedAudio(measurement.seconds(), measurement.loudnessLufs(), measurement.peakDbfs(), gainDb,
                measurement.clippedSamples(), measurement.longestSilenceSeconds(), measurement.longestSilenceAt(), names,
                Pause.encode(measurement.pauses()));
    }

    /** The findings the ledger kept; null for a file never checked. */
    public static AudioFindings of(CheckedAudio checked) {
        if (checked == null) {
            return null;
        }
        EnumSet<AudioFlag> flags = AudioFlag.parse(checked.flags());
        AudioMeasurement measurement = checked.seconds() == null ? null : new AudioMeasurement(checked.seconds(),
                checked.loudnessLufs(), checked.peakDbfs(), checked.clippedSamples(), checked.longestSilenceSeconds(),
                checked.longestSilenceAt(), flags.contains(AudioFlag.SILENT), Pause.decode(checked.pauses()));
        return new AudioFindings(measurement, checked.gainDb(), flags);
    }

    static AudioFindings undecodable() {
        return new AudioFindings(null, 0, EnumSet.of(AudioFlag.UNDECODABLE));
    }
}
