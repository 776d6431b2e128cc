package com.akoolnarrator.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class DurationsTests {

    @Test
    void aDurationIsSaidAsAPersonWouldSayItTheSameInEveryMessage() {
        assertThat(Durations.words(Duration.ofMillis(500))).isEqualTo("500ms");
        assertThat(Durations.words(Duration.ofMillis(1500))).isEqualTo("1500ms");
        assertThat(Durations.words(Duration.ofSeconds(3))).isEqualTo("3s");
        assertThat(Durations.words(Duration.ofSeconds(187))).isEqualTo("3m07s");
        assertThat(Durations.words(Duration.ofMinutes(5))).isEqualTo("5m");
        assertThat(Durations.words(Duration.ofHours(1))).isEqualTo("1h");
        assertThat(Durations.words(Duration.ofMinutes(90))).isEqualTo("1h30m");
        assertThat(Durations.words(Duration.ofMinutes(62))).isEqualTo("1h02m");
    }
}
