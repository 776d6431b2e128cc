package com.akoolnarrator.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.akoolnarrator.SimulatorFixture;
import com.akoolnarrator.akool.AudioJob;
import com.akoolnarrator.akool.SpeechRequest;
import com.akoolnarrator.simulator.SimulatorSettings;


/** The download's guards, against the simulator's file server over real HTTP. */
class AudioDownloaderTests {

    private static SimulatorFixture akool;
    private static SimulatorSettings settings;
    private static CloseableHttpClient http;
    private static String url;

    @TempDir
    Path folder;

    @BeforeAll
    static void narrateOne() {
        akool = new SimulatorFixture("downloader-test-key", Duration.ZERO);
        settings = akool.settings;
        http = akool.http;
        AudioJob job = akool.client().submit(new SpeechRequest("A sentence of about sixty characters, read aloud slowly.",
                "en-US-Jenny", null, "100%", null));
        url = job.url();
    }

    @AfterAll
    static void stop() throws Exception {
        akool.close();
    }

    @BeforeEach
    void calm() {
        settings.clearFaults();
    }

    private AudioDownloader downloader(long maxBytes) {
        return new AudioDownloader(http, new OutputFolder(folder), maxBytes);
    }

    @Test
    void writesTheCheckedMp3UnderItsFinalNameOnly() throws Exception {
        DownloadedAudio audio = downloader(1_000_000).download(url, "course/lesson 1.mp3");

        Path file = folder.resolve("course/lesson 1.mp3");
        assertThat(audio.file()).isEqualTo("course/lesson 1.mp3");
        assertThat(Files.size(file)).isEqualTo(audio.bytes());
        assertThat(audio.durationSeconds()).isGreaterThan(3);
        assertThat(partFiles()).isEmpty();
    }

    @Test
    void aTruncatedBodyIsTransientAndLeavesNothingBehind() throws Exception {
        settings.setTruncatedDownloadRate(1);
        assertThatThrownBy(() -> downloader(1_000_000).download(url, "a.mp3")).isInstanceOf(DownloadException.Transient.class);
        assertThat(Files.exists(folder.resolve("a.mp3"))).isFalse();
        assertThat(partFiles()).isEmpty();
    }

    @Test
    void bytesThatAreNotMp3AreTransient() {
        settings.setCorruptDownloadRate(1);
        assertThatThrownBy(() -> downloader(1_000_000).download(url, "a.mp3")).isInstanceOf(DownloadException.Transient.class)
            .hasMessageContaining("not MP3 audio");
    }

    @Test
    void anMp3OverTheCapIsRefused() {
        assertThatThrownBy(() -> downloader(100).download(url, "a.mp3")).isInstanceOf(DownloadException.Permanent.class)
            .hasMessageContaining("narrator.download-max-bytes");
    }

    @Test
    void onlyHttpUrlsAreFetched() {
        assertThatThrownBy(() -> downloader(1_000_000).download("file:///etc/passwd", "a.mp3"))
            .isInstanceOf(DownloadException.ResultGone.class).hasMessageContaining("non-http(s)");
    }

    @Test
    void nothingIsWrittenOutsideTheOutputFolder() {
        assertThatThrownBy(() -> downloader(1_000_000).download(url, "../escape.mp3"))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside the output folder");
        assertThat(Files.exists(folder.getParent().resolve("escape.mp3"))).isFalse();
    }

    private Stream<Path> partFiles() throws Exception {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".part")).toList().stream();
        }
    }
}
