package com.akoolnarrator.audio;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "src/main/resources/simulator/speech.mp3",
            "src/main/resources/simulator/speech-loud.mp3",
            "src/test/resources/fixtures/audio/stereo44.mp3",
            "src/test/resources/fixtures/audio/tone48.mp3" })
    void ffmpegsDecoderMeasuresAsJLayersDid(String file) throws Exception {
        assertThat(NativeDecoder.isAvailable()).as("FFmpeg's decoders load on this machine").isTrue();

        AudioMeasurement ffmpeg = meter.measure(Path.of(file));
        AudioMeasurement jlayer = new AudioMeter(-50, AudioProperties.Decoder.JLAYER).measure(Path.of(file));

        assertThat(ffmpeg.loudnessLufs()).isCloseTo(jlayer.loudnessLufs(), within(0.1));
        assertThat(ffmpeg.peakDbfs()).isCloseTo(jlayer.peakDbfs(), within(0.1));
        assertThat(ffmpeg.seconds()).isCloseTo(jlayer.seconds(), within(0.06));
        assertThat(ffmpeg.longestSilenceSeconds()).isCloseTo(jlayer.longestSilenceSeconds(), within(0.051));
        assertThat(ffmpeg.clippedSamples()).isEqualTo(jlayer.clippedSamples());
        assertThat(ffmpeg.silent()).isEqualTo(jlayer.silent());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({ "FFMPEG", "JLAYER" })
    void whatHoldsNoMpegAudioIsUndecodable(AudioProperties.Decoder decoder, @TempDir Path dir) throws Exception {
        AudioMeter meter = new AudioMeter(-50, decoder);
        Path html = Files.writeString(dir.resolve("error.mp3"), "<html><body>502 Bad Gateway</body></html>\n".repeat(50));
        Path empty = Files.write(dir.resolve("empty.mp3"), new byte[0]);

        assertThatThrownBy(() -> meter.measure(html)).isInstanceOf(UndecodableAudioException.class);
        assertThatThrownBy(() -> meter.measure(empty)).isInstanceOf(UndecodableAudioException.class);
    }

    @Test
    void speechHasItsLengthAndOnlyShortPauses() throws Exception {
        AudioMeasurement measured = meter.measure(Path.of("src/main/resources/simulator/speech.mp3"));

        assertThat(measured.seconds()).isCloseTo(11.2, within(0.2));
        assertThat(measured.longestSilenceSeconds()).isBetween(0.1, 1.0);
    }

    @Test
    void aTagThatDeclaresMoreThanTheFileIsUndecodableAndNothingOfItsSizeIsAllocated(@TempDir Path dir) throws Exception {
        byte[] speech = Files.readAllBytes(Path.of("src/main/resources/simulator/speech.mp3"));
        byte[] forged = new byte[10 + speech.length];
        System.arraycopy(new byte[] { 'I', 'D', '3', 4, 0, 0, 0x7F, 0x7F, 0x7F, 0x7F }, 0, forged, 0, 10); // 256 MB
        System.arraycopy(speech, 0, forged, 10, speech.length);
        Path file = Files.write(dir.resolve("forged.mp3"), forged);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();

        assertThatThrownBy(() -> meter.measure(file)).isInstanceOf(UndecodableAudioException.class)
            .hasMessageContaining("declares 268,435,465 bytes, more than the file's");

        assertThat(threads.getCurrentThreadAllocatedBytes() - before).as("bytes allocated").isLessThan(16L << 20);
    }

    @Test
    void aFileWithATagIsMeasuredAsItsAudioAlone(@TempDir Path dir) throws Exception {
        byte[] speech = Files.readAllBytes(Path.of("src/main/resources/simulator/speech.mp3"));
        AudioMeasurement plain = meter.measure(Path.of("src/main/resources/simulator/speech.mp3"));
        byte[] tagged = new byte[30 + speech.length]; // a 20-byte tag of padding before the same audio
        System.arraycopy(new byte[] { 'I', 'D', '3', 4, 0, 0, 0, 0, 0, 20 }, 0, tagged, 0, 10);
        System.arraycopy(speech, 0, tagged, 30, speech.length);

        AudioMeasurement measured = meter.measure(Files.write(dir.resolve("tagged.mp3"), tagged));

        assertThat(measured.seconds()).isEqualTo(plain.seconds());
        assertThat(measured.loudnessLufs()).isEqualTo(plain.loudnessLufs());
    }
}
