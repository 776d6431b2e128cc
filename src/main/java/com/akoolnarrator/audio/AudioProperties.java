package com.akoolnarrator.audio;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import static com.akoolnarrator.settings.SettingCheck.atLeast;
import static com.akoolnarrator.settings.SettingCheck.between;
import static com.akoolnarrator.settings.SettingCheck.positive;

/**
 * What the audio check listens for ({@code narrator.audio.*}); see docs/results.md, "Checked audio".
 *
 * @param checks                 measure and flag every downloaded MP3
 * @param silenceThreshold       dBFS (RMS over 50 ms) below which audio holds no speech
 * @param maxSilence             the longest silence inside the speech before LONG_SILENCE
 * @param maxClippedSamples      clipped samples (runs of three or more at full scale) allowed before CLIPPED
 * @param expectedLoudness       LUFS a file should be near when no {@code loudness-target} is set
 * @param loudnessTolerance      LU a file may be from that (or from the target) before TOO_QUIET or TOO_LOUD
 * @param loudnessTarget         LUFS every file is levelled to by MP3's global gain; off when unset
 * @param peakCeiling            dBFS that levelling never raises a file's peak above
 * @param speakingRateTolerance  how many times longer or shorter than this run's other files of the same voice and rate
 *                               suggest a file may be, before TOO_LONG or TOO_SHORT
 * @param speakingRateFiles      how many files of one voice and rate are needed to judge its speaking rate
 * @param flaggedRows            {@code keep}: a flagged row stays SUCCEEDED; {@code fail}: it is FAILED, narrated again
 *                               (and paid for) by a rerun
 * @param checkThreads           files checked at once, whatever the downloads in flight; default the processors'
 *                               count, so that checking never takes more than the machine has from the job's requests
 * @param decoder                {@code ffmpeg}: FFmpeg's decoders, where they load (else JLayer, said once); {@code jlayer}:
 *                               the pure-Java decoder, about three times slower
 */
@ConfigurationProperties("narrator.audio")
public record AudioProperties(
        @DefaultValue("true") boolean checks,
        @DefaultValue("-50") double silenceThreshold,
        @DefaultValue("3s") Duration maxSilence,
        @DefaultValue("0") long maxClippedSamples,
        @DefaultValue("-20") double expectedLoudness,
        @DefaultValue("6") double loudnessTolerance,
        Double loudnessTarget,
        @DefaultValue("-1") double peakCeiling,
        @DefaultValue("1.6") double speakingRateTolerance,
        @DefaultValue("5") int speakingRateFiles,
        @DefaultValue("keep") FlaggedRows flaggedRows,
        Integer checkThreads,
        @DefaultValue("ffmpeg") Decoder decoder) {

    /** What becomes of a row whose audio is flagged. */
    public enum FlaggedRows { KEEP, FAIL }

    /** What decodes the MP3s to measure them. */
    public enum Decoder { FFMPEG, JLAYER }

    public AudioProperties {
        between("narrator.audio.silence-threshold", silenceThreshold, -120, 0);
        positive("narrator.audio.max-silence", maxSilence);
        atLeast("narrator.audio.max-clipped-samples", maxClippedSamples, 0);
        between("narrator.audio.expected-loudness", expectedLoudness, -70, 0);
        positive("narrator.audio.loudness-tolerance", loudnessTolerance);
        if (loudnessTarget != null) {
            between("narrator.audio.loudness-target", loudnessTarget, -70, 0);
        }
        between("narrator.audio.peak-ceiling", peakCeiling, -60, 0);
        atLeast("narrator.audio.speaking-rate-tolerance", speakingRateTolerance, 1.05);
        between("narrator.audio.speaking-rate-files", speakingRateFiles, 2, 1_000_000);
        if (checkThreads != null) {
            between("narrator.audio.check-threads", checkThreads, 1, 1000);
        }
    }

    /** How many files are checked at once. */
    int checksAtOnce() {
        return checkThreads != null ? checkThreads : Runtime.getRuntime().availableProcessors();
    }

    /** The loudness a file is judged against: the levelling target when there is one. */
    double loudnessReference() {
        return loudnessTarget != null ? loudnessTarget : expectedLoudness;
    }
}
