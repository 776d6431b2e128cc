package com.akoolnarrator.ledger;

/**
 * What the audio check found in a file, as the ledger keeps it (the NARRATION columns of {@code V9__audio_checks.sql}):
 * numbers and the flags' names, so that the check's own types stay the check's.
 *
 * @param seconds the playing time measured; null with the measurements when the file could not be decoded
 * @param gainDb  the gain levelling applied (0 when none)
 * @param flags   the flags' names separated by spaces ("" when clean); a run's review adds TOO_SHORT or TOO_LONG
 * @param pauses  where the file has no speech, as the check encodes it ({@code 0.00-0.35 2.10-2.60}); null when unknown
 */
public record CheckedAudio(Double seconds, Double loudnessLufs, Double peakDbfs, double gainDb, long clippedSamples,
        double longestSilenceSeconds, double longestSilenceAt, String flags, String pauses) {
}
