package com.akoolnarrator.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

import com.akoolnarrator.simulator.SilentMp3;

class Mp3FormatTests {

    @Test
    void durationIsTheSumOfTheFramesAfterTheId3Tag() {
        byte[] mp3 = SilentMp3.ofSeconds(10);
        assertThat(Mp3Format.id3v2Length(mp3)).isPositive();
        assertThat(Mp3Format.durationSeconds(mp3)).isCloseTo(10, within(0.036));
    }

    @Test
    void readsMpeg1Layer3Frames() {
        // 128 kbit/s, 44.1 kHz: 417-byte frames of 1152 samples
        byte[] mp3 = new byte[417 * 100];
        for (int i = 0; i < 100; i++) {
            mp3[i * 417] = (byte) 0xFF;
            mp3[i * 417 + 1] = (byte) 0xFB;
            mp3[i * 417 + 2] = (byte) 0x90;
            mp3[i * 417 + 3] = (byte) 0x64;
        }
        assertThat(Mp3Format.looksLikeMp3(mp3, 4)).isTrue();
        assertThat(Mp3Format.durationSeconds(mp3)).isCloseTo(100 * 1152 / 44100.0, within(0.001));
    }

    @Test
    void htmlIsNotMp3() {
        byte[] html = "<html>".getBytes();
        assertThat(Mp3Format.looksLikeMp3(html, html.length)).isFalse();
        assertThat(Mp3Format.durationSeconds(html)).isZero();
    }
}
