package com.akoolnarrator.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.LinkedHashMap;
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
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("narrator.chunk-size=0", "narrator.chunk-size must be from 1 to 100000, not '0'");
        refused.put("akool.requests-per-second=-3", "akool.requests-per-second must be a number of at least 0, not '-3'");
        refused.put("akool.base-url=openapi.akool.com", "akool.base-url must be an http:// or https:// address");
        refused.put("narrator.poll-min-interval=soon", "narrator.poll-min-interval must be a duration");
        refused.put("narrator.default-rate=150%", "narrator.default-rate must be a whole percentage from 0% to 100%");
        refused.put("akool.max-retry-after=0s", "akool.max-retry-after must be a duration above 0");
        refused.put("narrator.audio.flagged-rows=maybe", "narrator.audio.flagged-rows must be one of keep, fail, not 'maybe'");
        refused.put("narrator.audio.loudness-target=-90", "narrator.audio.loudness-target must be a number from -70 to 0");

        refused.forEach(this::assertRefused);
    }

    /** Binds {@code name=value} as the application does, into the settings class its name belongs to. */
    private void assertRefused(String setting, String says) {
        String name = setting.substring(0, setting.indexOf('='));
        String value = setting.substring(setting.indexOf('=') + 1);
        String prefix = name.startsWith("narrator.audio.") ? "narrator.audio" : name.substring(0, name.indexOf('.'));
        Class<?> type = switch (prefix) {
            case "narrator.audio" -> AudioProperties.class;
            case "akool" -> AkoolProperties.class;
            default -> NarratorProperties.class;
        };
        Throwable failure = catchThrowable(() -> new Binder(new MapConfigurationPropertySource(Map.of(name, value)))
            .bindOrCreate(prefix, type));

        FailureAnalysis analysis = analyzer.analyze(failure);

        assertThat(analysis).as(setting).isNotNull();
        assertThat(analysis.getDescription()).contains(says).doesNotContain("\n");
        assertThat(analysis.getAction()).isEqualTo("See the settings in docs/settings.md.");
    }
}
