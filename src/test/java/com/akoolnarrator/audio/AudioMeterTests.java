package com.akoolnarrator.audio;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Measurements of committed MP3s against a reference: the integrated loudness and sample peak that ffmpeg's
 * {@code ebur128=peak=sample} filter (ffmpeg 5.1, Debian 12) reports for the same files.
 */
class AudioMeterTests {

    private final AudioMeter meter = new AudioMeter(-50);

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // file, LUFS, peak dBFS: espeak-ng speech 16 kHz mono, the same compressed, 44.1 kHz stereo, a 48 kHz tone
            "src/main/resources/simulator/speech.mp3, -21.9, -3.6",
            "src/main/resources/simulator/speech-loud.mp3, -12.8, -0.6",
            "src/test/resources/fixtures/audio/stereo44.mp3, -16.4, -1.5",
            "src/test/resources/fixtures/audio/tone48.mp3, -12.5, -8.8" })
    void loudnessAndPeakAgreeWithTheReference(String file, double lufs, double peak) throws Exception {
        AudioMeasurement measured = meter.measure(Path.of(file));

        assertThat(measured.loudnessLufs()).isCloseTo(lufs, within(0.5));
        assertThat(measured.peakDbfs()).isCloseTo(peak, within(0.5));
        assertThat(measured.silent()).isFalse();
        assertThat(measured.clippedSamples()).isZero();
    }

    @Test
    void speechHasItsLengthAndOnlyShortPauses() throws Exception {
        AudioMeasurement measured = meter.measure(Path.of("src/main/resources/simulator/speech.mp3"));

        assertThat(measured.seconds()).isCloseTo(11.2, within(0.2));
        assertThat(measured.longestSilenceSeconds()).isBetween(0.1, 1.0);
    }
}
