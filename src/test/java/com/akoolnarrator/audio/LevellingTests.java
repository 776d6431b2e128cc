package com.akoolnarrator.audio;

import java.nio.file.Files;
import java.time.Duration;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.akoolnarrator.storage.DownloadedAudio;
import com.akoolnarrator.storage.OutputFolder;
import com.akoolnarrator.storage.Sha256;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Levelling by global gain, checked by decoding the levelled file again. */
class LevellingTests {

    private static final Path SPEECH = Path.of("src/main/resources/simulator/speech.mp3");

    @TempDir
    Path folder;

    private final AudioMeter meter = new AudioMeter(-50);

    @Test
    void globalGainMovesTheDecodedLevelBySteps() throws Exception {
        Path quieter = folder.resolve("quieter.mp3");
        Files.write(quieter, GlobalGain.apply(Files.readAllBytes(SPEECH), -8));

        AudioMeasurement before = meter.measure(SPEECH);
        AudioMeasurement after = meter.measure(quieter);

        assertThat(Files.size(quieter)).isEqualTo(Files.size(SPEECH));
        assertThat(after.loudnessLufs()).isCloseTo(before.loudnessLufs() - 8 * GlobalGain.STEP_DB, within(0.3));
        assertThat(after.peakDbfs()).isCloseTo(before.peakDbfs() - 8 * GlobalGain.STEP_DB, within(0.3));
        assertThat(after.seconds()).isEqualTo(before.seconds());
    }

    @Test
    void aQuietFileIsBroughtToTheTargetWithinOneDecibel() throws Exception {
        Files.write(folder.resolve("quiet.mp3"), GlobalGain.apply(Files.readAllBytes(SPEECH), -8));
        AudioInspector inspector = new AudioInspector(settings(-20.0));

        AudioInspector.Inspected inspected = inspector.inspect(new OutputFolder(folder), audio("quiet.mp3"));

        AudioMeasurement decoded = meter.measure(folder.resolve("quiet.mp3"));
        assertThat(decoded.loudnessLufs()).isCloseTo(-20.0, within(1.0));
        assertThat(decoded.peakDbfs()).isLessThanOrEqualTo(-1.0);
        assertThat(inspected.findings().gainDb()).isCloseTo(9 * GlobalGain.STEP_DB, within(0.01));
        assertThat(inspected.findings().measurement().loudnessLufs()).isCloseTo(decoded.loudnessLufs(), within(0.3));
        assertThat(inspected.findings().flags()).isEmpty();
        assertThat(inspected.audio().sha256()).isEqualTo(Sha256.ofFile(folder.resolve("quiet.mp3")));
    }

    @Test
    void levellingNeverLiftsThePeakOverTheCeiling() throws Exception {
        Files.copy(SPEECH, folder.resolve("speech.mp3"));
        AudioInspector inspector = new AudioInspector(settings(-12.0));

        AudioInspector.Inspected inspected = inspector.inspect(new OutputFolder(folder), audio("speech.mp3"));

        AudioMeasurement decoded = meter.measure(folder.resolve("speech.mp3"));
        assertThat(decoded.peakDbfs()).isLessThanOrEqualTo(-1.0);
        assertThat(decoded.clippedSamples()).isZero();
        assertThat(inspected.findings().gainDb()).isCloseTo(GlobalGain.STEP_DB, within(0.01));
        assertThat(inspected.findings().flags()).containsExactly(AudioFlag.TOO_QUIET);
    }

    @Test
    void noTargetLeavesTheFileAsItIs() throws Exception {
        Files.copy(SPEECH, folder.resolve("speech.mp3"));

        AudioInspector.Inspected inspected = new AudioInspector(settings(null))
            .inspect(new OutputFolder(folder), audio("speech.mp3"));

        assertThat(inspected.findings().gainDb()).isZero();
        assertThat(Sha256.ofFile(folder.resolve("speech.mp3"))).isEqualTo(Sha256.ofFile(SPEECH));
    }

    private DownloadedAudio audio(String file) throws Exception {
        return new DownloadedAudio(file, Files.size(folder.resolve(file)), Sha256.ofFile(folder.resolve(file)), 11.2);
    }

    static AudioProperties settings(Double target) {
        return new AudioProperties(true, -50, Duration.ofSeconds(3), 0, -20, 6, target, -1, 1.6, 5,
                AudioProperties.FlaggedRows.KEEP, null, AudioProperties.Decoder.FFMPEG);
    }
}
