package com.akoolnarrator.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import com.akoolnarrator.akool.AkoolProperties;
import com.akoolnarrator.audio.AudioProperties;
import com.akoolnarrator.settings.SettingCheck.InvalidSettingException;

/** Every setting of the job is checked when it is bound: an impossible value names itself and what it must be. */
class SettingChecksTests {

    @Test
    void theDefaultsPassTheirOwnChecks() {
        assertThat(bind("narrator", NarratorProperties.class, Map.of()).chunkSize()).isEqualTo(50);
        assertThat(bind("akool", AkoolProperties.class, Map.of()).maxRetryAfter()).hasMinutes(5);
    }

    @Test
    void aValueOutOfItsRangeNamesTheSettingAndTheRange() {
        assertRefused("narrator", NarratorProperties.class, Map.of("narrator.chunk-size", "0"),
                "narrator.chunk-size must be from 1 to 100000, not '0'");
        assertRefused("narrator", NarratorProperties.class, Map.of("narrator.poll-min-interval", "20s"),
                "narrator.poll-max-interval must be at least narrator.poll-min-interval (PT20S)");
        assertRefused("narrator", NarratorProperties.class, Map.of("narrator.stop-timeout", "0s"),
                "narrator.stop-timeout must be a duration above 0");
        assertRefused("narrator", NarratorProperties.class, Map.of("narrator.database.socket-timeout", "-1s"),
                "narrator.database.socket-timeout must be a duration above 0");
        assertRefused("akool", AkoolProperties.class, Map.of("akool.retry.multiplier", "0.5"),
                "akool.retry.multiplier must be a number of at least 1, not '0.5'");
        assertRefused("akool", AkoolProperties.class, Map.of("akool.min-requests-per-second", "0"),
                "akool.min-requests-per-second must be a number above 0, not '0'");
    }

    @Test
    void theAudioCheckRefusesThresholdsThatCannotBeMet() {
        assertThat(bind("narrator.audio", AudioProperties.class, Map.of()).loudnessTarget()).isNull();
        assertRefused("narrator.audio", AudioProperties.class, Map.of("narrator.audio.loudness-target", "3"),
                "narrator.audio.loudness-target must be a number from -70 to 0, not '3'");
        assertRefused("narrator.audio", AudioProperties.class, Map.of("narrator.audio.max-silence", "0s"),
                "narrator.audio.max-silence must be a duration above 0");
        assertRefused("narrator.audio", AudioProperties.class, Map.of("narrator.audio.speaking-rate-tolerance", "1"),
                "narrator.audio.speaking-rate-tolerance must be a number of at least 1.05, not '1'");
    }

    @Test
    void aNegativeRequestBudgetIsRefusedWhereZeroMeansUnlimited() {
        assertThat(bind("akool", AkoolProperties.class, Map.of("akool.requests-per-second", "0")).requestsPerSecond())
            .isZero();
        assertRefused("akool", AkoolProperties.class, Map.of("akool.requests-per-second", "-3"),
                "akool.requests-per-second must be a number of at least 0, not '-3'");
    }

    @Test
    void anAddressMustBeHttpWithAHost() {
        assertRefused("akool", AkoolProperties.class, Map.of("akool.base-url", "openapi.akool.com"),
                "akool.base-url must be an http:// or https:// address with a host name");
        assertRefused("akool", AkoolProperties.class, Map.of("akool.base-url", "ftp://openapi.akool.com"),
                "akool.base-url must be an http:// or https:// address");
        assertThat(bind("akool", AkoolProperties.class, Map.of("akool.base-url", "http://127.0.0.1:8089")).baseUrl())
            .hasPort(8089);
    }

    @Test
    void theDefaultRateIsAPercentageAsInTheRateColumn() {
        assertThat(bind("narrator", NarratorProperties.class, Map.of("narrator.default-rate", "85")).defaultRate())
            .isEqualTo("85%");
        assertRefused("narrator", NarratorProperties.class, Map.of("narrator.default-rate", "150%"),
                "narrator.default-rate must be a whole percentage from 0% to 100%, not '150%'");
        assertRefused("narrator", NarratorProperties.class, Map.of("narrator.default-rate", "fast"),
                "narrator.default-rate must be a whole percentage");
    }

    @Test
    void anOutputFolderWithABackslashIsRefusedWhereH2WouldReadItAsAFolderSeparator() {
        assertRefused("narrator", NarratorProperties.class, Map.of("narrator.output-dir", "C:\\Data\\out"),
                "narrator.output-dir must be a path with / between its folders on this system");
    }

    private static <T> T bind(String prefix, Class<T> type, Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate(prefix, type);
    }

    private static void assertRefused(String prefix, Class<?> type, Map<String, String> values, String message) {
        assertThatThrownBy(() -> bind(prefix, type, values)).isInstanceOf(BindException.class)
            .rootCause().isInstanceOf(InvalidSettingException.class).hasMessageContaining(message);
    }
}
