package com.akoolnarrator.audio;

import java.util.EnumSet;
import java.util.Set;

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

    static AudioFindings undecodable() {
        return new AudioFindings(null, 0, EnumSet.of(AudioFlag.UNDECODABLE));
    }
}
