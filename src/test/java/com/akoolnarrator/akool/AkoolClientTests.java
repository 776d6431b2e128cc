package com.akoolnarrator.akool;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.akoolnarrator.SimulatorFixture;
import com.akoolnarrator.secrets.KnownSecrets;
import com.akoolnarrator.simulator.AkoolSimulator;
import com.akoolnarrator.simulator.SimulatorSettings;

import tools.jackson.databind.json.JsonMapper;

/** The client's envelope and status handling, over real HTTP against the simulator. */
class AkoolClientTests {

    private static final String KEY = "client-test-key";
    private static SimulatorFixture akool;
    private static SimulatorSettings settings;
    private static AkoolSimulator simulator;
    private static CloseableHttpClient http;

    @BeforeAll
    static void start() {
        akool = new SimulatorFixture(KEY, Duration.ofMillis(100));
        settings = akool.settings;
        simulator = akool.simulator;
        http = akool.http;
    }

    @AfterAll
    static void stop() throws Exception {
        akool.close();
    }

    @BeforeEach
    void calm() {
        settings.clearFaults();
        akool.simulator.setCredits(1e9);
    }

    private AkoolClient client(AkoolCredentials credentials) {
        return akool.client(credentials);
    }

    private AkoolClient client() {
        return akool.client();
    }

    private static SpeechRequest speech(String text) {
        return new SpeechRequest(text, "en-US-Jenny", null, "100%", null);
    }

    @Test
    void submitsThenPollsUntilCompletedWithAUrl() throws Exception {
        AkoolClient client = client();
        AudioJob job = client.submit(speech("Hello."));
        assertThat(job.status()).isIn(AudioJob.QUEUEING, AudioJob.PROCESSING);
        Thread.sleep(150);
        AudioJob done = client.audioInfo(job.id());
        assertThat(done.isCompleted()).isTrue();
        assertThat(done.url()).endsWith(job.id() + ".mp3");
    }

    @Test
    void clonesWithAVoiceUrl() {
        AudioJob job = client().submit(new SpeechRequest("Hi.", null, "https://cdn.example.com/v.mp3", "90%", ""));
        assertThat(job.id()).isNotBlank();
        assertThat(simulator.calls("clone")).isPositive();
    }

    @Test
    void aFailedJobCarriesAkoolsMessage() throws Exception {
        AkoolClient client = client();
        AudioJob job = client.submit(speech("Broken " + AkoolSimulator.FAIL_MARKER));
        Thread.sleep(150);
        AudioJob failed = client.audioInfo(job.id());
        assertThat(failed.isFailed()).isTrue();
        assertThat(failed.detail()).contains("audio generation failed");
    }

    @Test
    void parameterErrorsRejectTheRow() {
        assertThatThrownBy(() -> client().submit(new SpeechRequest("Hi.", "en-US-Jenny", null, "101%", null)))
            .isInstanceOf(AkoolException.RowRejected.class).hasMessageContaining("1003").hasMessageContaining("rate");
        assertThatThrownBy(() -> client().audioInfo("does-not-exist"))
            .isInstanceOf(AkoolException.RowRejected.class).hasMessageContaining("1008");
    }

    @Test
    void rateLimitCodeIsTransientAndSlowsTheThrottle() {
        settings.setRateLimitCodeRate(1);
        AkoolRequestThrottle throttle = new AkoolRequestThrottle(50, 1);
        AkoolClient client = new AkoolClient(simulator.baseUrl(), new AkoolCredentials.ApiKey(KEY, "test"), http, throttle,
                JsonMapper.builder().build());
        assertThatThrownBy(() -> client.submit(speech("Hi."))).isInstanceOf(AkoolException.Transient.class)
            .satisfies(e -> assertThat(((AkoolException) e).code()).isEqualTo(1005));
        assertThat(throttle.currentRate()).isLessThan(50);
    }

    @Test
    void http429CarriesRetryAfter() {
        settings.setHttp429Rate(1);
        settings.setRetryAfter("2");
        assertThatThrownBy(() -> client().submit(speech("Hi."))).isInstanceOf(AkoolException.Transient.class)
            .satisfies(e -> assertThat(((AkoolException.Transient) e).retryAfter()).isEqualTo(Duration.ofSeconds(2)));
    }

    @Test
    void aServerErrorWithRetryAfterAmongFailuresInARowPausesEveryCallerWithoutSlowingDown() {
        AkoolRequestThrottle throttle = new AkoolRequestThrottle(50, 1);
        AkoolClient client = new AkoolClient(simulator.baseUrl(), new AkoolCredentials.ApiKey(KEY, "test"), http, throttle,
                JsonMapper.builder().build());
        settings.setHttp5xxRate(1);
        settings.setRetryAfter("1");
        AkoolException.Transient unavailable = null;
        for (int i = 0; i < 50 && unavailable == null; i++) { // one in four server errors is a 503
            try {
                client.voices(3);
            }
            catch (AkoolException.Transient e) {
                boolean inARow = i + 1 >= AkoolRequestThrottle.FAILURES_TO_PAUSE_ALL;
                unavailable = e.code() == 503 && inARow ? e : null;
            }
        }
        assertThat(unavailable).isNotNull();
        assertThat(unavailable.retryAfter()).isEqualTo(Duration.ofSeconds(1));
        settings.clearFaults();

        long started = System.nanoTime();
        client.voices(3);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThan(Duration.ofMillis(800));
        assertThat(throttle.currentRate()).isEqualTo(50);
    }

    @Test
    void gatewayErrorsWithHtmlBodiesAreTransient() {
        settings.setHttp5xxRate(1);
        assertThatThrownBy(() -> client().voices(3)).isInstanceOf(AkoolException.Transient.class).hasMessageContaining("HTTP 5");
    }

    @Test
    void serverErrorCodeIsTransient() {
        settings.setServerErrorCodeRate(1);
        assertThatThrownBy(() -> client().voices(3)).isInstanceOf(AkoolException.Transient.class).hasMessageContaining("2001");
    }

    @Test
    void aDroppedConnectionIsTransient() {
        settings.setDropRate(1);
        assertThatThrownBy(() -> client().voices(3)).isInstanceOf(AkoolException.Transient.class)
            .hasMessageContaining("connection failed");
    }

    @Test
    void aWrongKeyIsFatalAndNamesItsSourceButNotTheKey() {
        AkoolClient client = client(new AkoolCredentials.ApiKey("wrong-key-123", "environment variable AKOOL_API_KEY"));
        assertThatThrownBy(() -> client.voices(3)).isInstanceOf(AkoolException.Fatal.class)
            .hasMessageContaining("1101").hasMessageContaining("environment variable AKOOL_API_KEY")
            .hasMessageNotContaining("wrong-key-123");
    }

    @Test
    void insufficientCreditIsFatal() {
        akool.simulator.setCredits(0);
        assertThatThrownBy(() -> client().submit(speech("Hi."))).isInstanceOf(AkoolException.Fatal.class)
            .hasMessageContaining("1006").hasMessageContaining("credit");
    }

    @Test
    void legacyClientCredentialsGetABearerToken() {
        long tokens = simulator.calls("token");
        AkoolClient client = client(new AkoolCredentials.ClientCredentials(settings.getClientId(), KEY, "job file"));
        assertThat(client.voices(4)).extracting(Voice::voiceId).containsExactly("own-narrator-1");
        assertThat(simulator.calls("token") - tokens).isEqualTo(1);
        client.voices(3);
        assertThat(simulator.calls("token") - tokens).as("the token is reused").isEqualTo(1);
    }

    @Test
    void anExpiredBearerTokenIsFetchedAgainAndTheRequestSentOnceMore() {
        AkoolClient client = client(new AkoolCredentials.ClientCredentials(settings.getClientId(), KEY, "job file"));
        client.voices(3);
        simulator.expireTokens();
        long tokens = simulator.calls("token");
        long voices = simulator.calls("voices");

        assertThat(client.voices(4)).extracting(Voice::voiceId).containsExactly("own-narrator-1");
        assertThat(simulator.calls("token") - tokens).as("a new token, once").isEqualTo(1);
        assertThat(simulator.calls("voices") - voices).as("the refused request, and once more").isEqualTo(2);
        assertThat(client.requestCounts()).as("the client's own count").containsEntry("token", 2L)
            .containsEntry("voices", 3L);
    }

    @Test
    void voicesComeWithNameGenderLanguageAndPreview() {
        assertThat(client().voices(3)).anySatisfy(v -> {
            assertThat(v.voiceId()).isEqualTo("en-US-Jenny");
            assertThat(v.name()).isEqualTo("Jenny");
            assertThat(v.gender()).isEqualTo("Female");
            assertThat(v.language()).isEqualTo("en-US");
            assertThat(v.previewUrl()).startsWith("https://");
        });
    }

    @Test
    void retryAfterIsReadAsSecondsOrAnHttpDate() {
        Clock clock = Clock.fixed(Instant.parse("2026-12-02T06:00:00Z"), ZoneOffset.UTC);
        assertThat(RetryAfter.parse("3", clock).orElseThrow().delay()).isEqualTo(Duration.ofSeconds(3));
        assertThat(RetryAfter.parse("Wed, 21 Oct 2015 07:28:00 GMT", clock).orElseThrow().delay()).isEqualTo(Duration.ZERO);
        assertThat(RetryAfter.parse("Wed, 02 Dec 2026 07:00:00 GMT", clock).orElseThrow().delay()).isEqualTo(Duration.ofHours(1));
        assertThat(RetryAfter.parse("Mon, 02 Dec 2026 07:00:00 GMT", clock).orElseThrow().delay()).as("a wrong weekday")
            .isEqualTo(Duration.ofHours(1));
        assertThat(RetryAfter.parse("soon", clock)).isEmpty();
        assertThat(RetryAfter.parse(null, clock)).isEmpty();
    }

    @Test
    void aRetryAfterBeyondAnyClockIsAVeryLongWaitNotAnOverflow() {
        Clock clock = Clock.fixed(Instant.parse("2026-12-02T06:00:00Z"), ZoneOffset.UTC);
        assertThat(RetryAfter.parse("Fri, 31 Dec 9999 23:59:59 GMT", clock).orElseThrow().delay()).isEqualTo(RetryAfter.VERY_LONG);
        assertThat(RetryAfter.parse("99999999999999999999999", clock).orElseThrow())
            .satisfies(wait -> assertThat(wait.delay()).isEqualTo(RetryAfter.VERY_LONG))
            .satisfies(wait -> assertThat(wait.until()).isEmpty());
        assertThat(RetryAfter.parse(String.valueOf(Long.MAX_VALUE), clock).orElseThrow().delay()).isEqualTo(RetryAfter.VERY_LONG);
    }

    @Test
    void aWaitLongerThanTheLimitEndsTheRunSayingUntilWhen() {
        Clock clock = Clock.fixed(Instant.parse("2026-12-02T06:00:00Z"), ZoneOffset.UTC);
        AkoolRequestThrottle throttle = new AkoolRequestThrottle(50, 1);
        AkoolClient client = new AkoolClient(simulator.baseUrl(), new AkoolCredentials.ApiKey(KEY, "test"), http, throttle,
                JsonMapper.builder().build(), new KnownSecrets(), clock, Duration.ofMinutes(5));
        settings.setHttp429Rate(1);
        settings.setRetryAfter("3600");
        assertThatThrownBy(() -> client.submit(speech("Hi."))).isInstanceOf(AkoolException.Fatal.class)
            .hasMessageContaining("until 2026-12-02T07:00:00Z")
            .hasMessageContaining("akool.max-retry-after (5m)");
        assertThat(throttle.pausedFor()).isZero();
        settings.setRetryAfter("Fri, 31 Dec 9999 23:59:59 GMT");
        assertThatThrownBy(() -> client.submit(speech("Hi."))).isInstanceOf(AkoolException.Fatal.class)
            .hasMessageContaining("until 9999-12-31T23:59:59Z");
        for (String farAway : List.of("Fri, 31 Dec 9999 23:59:59 GMT", "Sat, 31 Dec 2999 00:00:00 GMT",
                "99999999999999999999999")) {
            settings.setRetryAfter(farAway);
            assertThatThrownBy(() -> client.submit(speech("Hi."))).isInstanceOf(AkoolException.Fatal.class)
                .hasMessageContaining("longer than akool.max-retry-after (5m)")
                .hasMessageContaining("Retry-After: " + farAway);
        }
    }
}
