package com.akoolnarrator.job.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class ProcessingTimeModelTests {

    @Test
    void knowsNothingUntilThreeProbesFinished() {
        ProcessingTimeModel model = new ProcessingTimeModel();
        model.observe(200, Duration.ofMillis(1400));
        model.observe(800, Duration.ofMillis(2600));
        assertThat(model.isReady()).isFalse();
        assertThat(model.predict(500)).isZero();
    }

    @Test
    void fitsABaseAndAPerCharacterTime() {
        ProcessingTimeModel model = new ProcessingTimeModel();
        model.observe(200, Duration.ofMillis(1400));
        model.observe(500, Duration.ofMillis(2000));
        model.observe(800, Duration.ofMillis(2600));
        assertThat(model.predict(300).toMillis() / 1000.0).isCloseTo(1.6, within(0.01));
        assertThat(model.predict(0).toMillis() / 1000.0).isCloseTo(1.0, within(0.01));
    }

    @Test
    void equalLengthsGiveTheMeanTime() {
        ProcessingTimeModel model = new ProcessingTimeModel();
        for (int millis : new int[] { 900, 1000, 1100 }) {
            model.observe(100, Duration.ofMillis(millis));
        }
        assertThat(model.predict(5000).toMillis()).isEqualTo(1000);
    }
}
