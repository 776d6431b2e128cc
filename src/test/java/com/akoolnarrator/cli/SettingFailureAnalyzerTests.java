package com.akoolnarrator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.diagnostics.FailureAnalysis;

import com.akoolnarrator.akool.AkoolProperties;
import com.akoolnarrator.audio.AudioProperties;
import com.akoolnarrator.settings.NarratorProperties;

/**
 * An impossible setting is one line naming it, its value and what it must be, then where the settings are described:
 * what the packaged jar prints before it exits 2 (HostileUserIT starts it with two of them).
 */
class SettingFailureAnalyzerTests {

    private final SettingFailureAnalyzer analyzer = new SettingFailureAnalyzer();

    @Test
    void aValueOutsideItsRangeOrOfTheWrongKindIsNamedWithWhatItMustBe() {
        assertRefused("narrator", NarratorProperties.class, "narrator.chunk-size", "0",
                "narrator.chunk-size must be from 1 to 100000, not '0'");
        assertRefused("akool", AkoolProperties.class, "akool.requests-per-second", "-3",
                "akool.requests-per-second must be a number of at least 0, not '-3'");
        assertRefused("akool", AkoolProperties.class, "akool.base-url", "openapi.akool.com",
                "akool.base-url must be an http:// or https:// address");
        assertRefused("narrator", NarratorProperties.class, "narrator.poll-min-interval", "soon",
                "narrator.poll-min-interval must be a duration");
        assertRefused("narrator", NarratorProperties.class, "narrator.default-rate", "150%",
                "narrator.default-rate must be a whole percentage from 0% to 100%");
        assertRefused("akool", AkoolProperties.class, "akool.max-retry-after", "0s",
                "akool.max-retry-after must be a duration above 0");
        assertRefused("narrator.audio", AudioProperties.class, "narrator.audio.flagged-rows", "maybe",
                "narrator.audio.flagged-rows must be one of keep, fail, not 'maybe'");
        assertRefused("narrator.audio", AudioProperties.class, "narrator.audio.loudness-target", "-90",
                "narrator.audio.loudness-target must be a number from -70 to 0");
    }

    private void assertRefused(String prefix, Class<?> type, String name, String value, String says) {
        Throwable failure = catchThrowable(() -> new Binder(new MapConfigurationPropertySource(Map.of(name, value)))
            .bindOrCreate(prefix, type));

        FailureAnalysis analysis = analyzer.analyze(failure);

        assertThat(analysis).as(name + "=" + value).isNotNull();
        assertThat(analysis.getDescription()).contains(says).doesNotContain("\n");
        assertThat(analysis.getAction()).isEqualTo("See the settings in the README.");
    }
}
