package com.akoolnarrator.job.finish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.akoolnarrator.simulator.SilentMp3;
import com.akoolnarrator.storage.DownloadedAudio;
import com.akoolnarrator.storage.Mp3Format;
import com.akoolnarrator.storage.OutputFolder;

class Mp3JoinerTests {

    @TempDir
    Path folder;

    @Test
    void theJoinedFileHasTheFirstTagThenEveryPartsAudioAndLastsTheirSum() throws Exception {
        byte[] first = SilentMp3.ofSeconds(12.5);
        byte[] second = withId3v1(SilentMp3.ofSeconds(30));
        byte[] third = SilentMp3.ofSeconds(4);
        Files.createDirectories(folder.resolve("parts"));
        Files.write(folder.resolve("parts/1.mp3"), first);
        Files.write(folder.resolve("parts/2.mp3"), second);
        Files.write(folder.resolve("parts/3.mp3"), third);
        double sum = Mp3Format.durationSeconds(first) + Mp3Format.durationSeconds(second) + Mp3Format.durationSeconds(third);

        DownloadedAudio joined = new Mp3Joiner(new OutputFolder(folder))
            .join(List.of("parts/1.mp3", "parts/2.mp3", "parts/3.mp3"), "course/long.mp3");

        byte[] bytes = Files.readAllBytes(folder.resolve("course/long.mp3"));
        assertThat(joined.file()).isEqualTo("course/long.mp3");
        assertThat(joined.bytes()).isEqualTo(bytes.length);
        assertThat(joined.durationSeconds()).isCloseTo(sum, within(0.001));
        assertThat(Mp3Format.durationSeconds(bytes)).isCloseTo(sum, within(0.001));
        int tag = Mp3Format.id3v2Length(bytes);
        assertThat(Arrays.copyOf(bytes, tag)).isEqualTo(Arrays.copyOf(first, tag));
        // one tag and no encoder header frame of a single part survive: only audio follows the first tag
        assertThat(count(bytes, "ID3")).isEqualTo(1);
        assertThat(count(bytes, "Info")).isZero();
        assertThat(count(bytes, "TAG")).isZero();
        int audioBytes = 0;
        for (byte[] part : List.of(first, second, third)) {
            audioBytes += part.length - Mp3Format.id3v2Length(part) - 36 - Mp3Format.id3v1Length(part);
        }
        assertThat(bytes.length).isEqualTo(tag + audioBytes);
        assertThat(Files.list(folder.resolve("course"))).hasSize(1);
    }

    @Test
    void anEncodersHeaderFrameIsNotPlayingTime() {
        byte[] mp3 = SilentMp3.ofSeconds(10);
        assertThat(Mp3Format.isHeaderFrame(mp3, Mp3Format.id3v2Length(mp3))).isTrue();
        assertThat(Mp3Format.durationSeconds(mp3)).isCloseTo(10, within(0.036));
    }

    private static byte[] withId3v1(byte[] mp3) {
        byte[] tagged = Arrays.copyOf(mp3, mp3.length + 128);
        tagged[mp3.length] = 'T';
        tagged[mp3.length + 1] = 'A';
        tagged[mp3.length + 2] = 'G';
        return tagged;
    }

    private static int count(byte[] bytes, String marker) {
        int found = 0;
        for (int i = 0; i + marker.length() <= bytes.length; i++) {
            if (new String(bytes, i, marker.length(), java.nio.charset.StandardCharsets.ISO_8859_1).equals(marker)) {
                found++;
            }
        }
        return found;
    }
}
