package com.akoolnarrator.simulator;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How the simulated Akool behaves: timing, limits and fault rates. Mutable on purpose so that a test or a benchmark can
 * change the weather while a job runs; every field is read once per request.
 */
public class SimulatorSettings {

    /** Which signal the simulated rate limit uses: Akool's documented code 1005 (HTTP 200), or HTTP 429. */
    public enum RateLimitSignal { CODE_1005, HTTP_429 }

    private volatile int port = 0;
    /** 32 bytes, as Akool's webhook encryption needs of the key it is keyed by (16, 24 or 32). */
    private volatile String apiKey = "sim-demo-key-0123456789abcdefghi";
    private volatile String clientId = "sim-demo-client";
    private volatile Duration latency = Duration.ZERO;
    private volatile Duration processingBase = Duration.ofMillis(800);
    private volatile Duration processingPerChar = Duration.ofNanos(3_000_000);
    private volatile double requestsPerSecond = 0;
    /** The account's limit from {@link #limitChangesAfter} on (another client starts sharing it, say); negative: no change. */
    private volatile double requestsPerSecondLater = -1;
    private volatile Duration limitChangesAfter = Duration.ZERO;
    private volatile RateLimitSignal rateLimitSignal = RateLimitSignal.CODE_1005;
    /** The Retry-After of a 429 or 503: seconds, or an HTTP date (a far one is what a misconfigured gateway sends). */
    private volatile String retryAfter = "1";
    private volatile double http5xxRate;
    private volatile double http429Rate;
    private volatile double dropRate;
    /** An API request read and never answered (for {@link #silentFor}, then the connection closed): Akool gone silent. */
    private volatile double silentRate;
    private volatile Duration silentFor = Duration.ofMinutes(10);
    private volatile double rateLimitCodeRate;
    private volatile double serverErrorCodeRate;
    private volatile double failedJobRate;
    private volatile double truncatedDownloadRate;
    private volatile double corruptDownloadRate;
    /** A download answered 200 audio/mpeg with the MP3's ID3 tag and not one audio frame: cut where the audio begins. */
    private volatile double tagOnlyDownloadRate;
    private volatile double expiredUrlRate;
    /** A download answered 403 by something between Akool's storage and the job (a CDN, a proxy), request by request. */
    private volatile double refusedDownloadRate;
    /** Create/clone accepted and billed, but answered 1000 without a job ({@code data: null}). */
    private volatile double acceptedWithoutIdRate;
    /** Create/clone accepted and billed, but answered HTTP 200 with an HTML page instead of the envelope. */
    private volatile double unreadableSuccessRate;
    /** Error messages, error pages and failed jobs repeat the caller's API key, as a careless gateway might. */
    private volatile boolean echoCredentials;
    /** Of the jobs with a webhookUrl: callbacks never sent, sent twice, sent late, sent with a bad signature. */
    private volatile double callbackDropRate;
    private volatile double callbackDuplicateRate;
    private volatile double callbackLateRate;
    private volatile Duration callbackLateBy = Duration.ofSeconds(20);
    private volatile double callbackForgedRate;
    /** What the speech is recorded as: {@code 16k} (16 kHz, 16 kbit/s), or {@code 24k}, {@code 32k}, {@code 44k} (128 kbit/s). */
    private volatile String speechFormat = "16k";
    /** Recordings of given texts, served for a job of exactly that text instead of speech cut to its length. */
    private final Map<String, byte[]> recordings = new ConcurrentHashMap<>();
    private volatile double audioSilentRate;
    private volatile double audioCutOffRate;
    private volatile double audioTooLongRate;
    private volatile double audioLongSilenceRate;
    private volatile double audioClippedRate;
    private volatile double audioTooQuietRate;
    private volatile double audioTooLoudRate;
    private volatile long seed = 42;
    private volatile double credits = 1e12;
    private volatile double creditsPerThousandChars = 4.4;
    private volatile Duration retention = Duration.ofDays(7);
    private volatile double charactersPerSecondOfSpeech = 15;
    private volatile int threads = 64;

    public int getPort() { return port; }
    public void setPort(int port) { this.port = port; }
    public String getApiKey() { return apiKey; }
    public void setApiKey(String apiKey) { this.apiKey = apiKey; }
    public String getClientId() { return clientId; }
    public void setClientId(String clientId) { this.clientId = clientId; }
    public Duration getLatency() { return latency; }
    public void setLatency(Duration latency) { this.latency = latency; }
    public Duration getProcessingBase() { return processingBase; }
    public void setProcessingBase(Duration processingBase) { this.processingBase = processingBase; }
    public Duration getProcessingPerChar() { return processingPerChar; }
    public void setProcessingPerChar(Duration processingPerChar) { this.processingPerChar = processingPerChar; }
    public double getRequestsPerSecond() { return requestsPerSecond; }
    public void setRequestsPerSecond(double requestsPerSecond) { this.requestsPerSecond = requestsPerSecond; }
    public double getRequestsPerSecondLater() { return requestsPerSecondLater; }
    public void setRequestsPerSecondLater(double requestsPerSecondLater) { this.requestsPerSecondLater = requestsPerSecondLater; }
    public Duration getLimitChangesAfter() { return limitChangesAfter; }
    public void setLimitChangesAfter(Duration limitChangesAfter) { this.limitChangesAfter = limitChangesAfter; }
    public RateLimitSignal getRateLimitSignal() { return rateLimitSignal; }
    public void setRateLimitSignal(RateLimitSignal rateLimitSignal) { this.rateLimitSignal = rateLimitSignal; }
    public String getRetryAfter() { return retryAfter; }
    public void setRetryAfter(String retryAfter) { this.retryAfter = retryAfter; }
    public double getHttp5xxRate() { return http5xxRate; }
    public void setHttp5xxRate(double http5xxRate) { this.http5xxRate = http5xxRate; }
    public double getHttp429Rate() { return http429Rate; }
    public void setHttp429Rate(double http429Rate) { this.http429Rate = http429Rate; }
    public double getDropRate() { return dropRate; }
    public void setDropRate(double dropRate) { this.dropRate = dropRate; }
    public double getSilentRate() { return silentRate; }
    public void setSilentRate(double silentRate) { this.silentRate = silentRate; }
    public Duration getSilentFor() { return silentFor; }
    public void setSilentFor(Duration silentFor) { this.silentFor = silentFor; }
    public double getRateLimitCodeRate() { return rateLimitCodeRate; }
    public void setRateLimitCodeRate(double rateLimitCodeRate) { this.rateLimitCodeRate = rateLimitCodeRate; }
    public double getServerErrorCodeRate() { return serverErrorCodeRate; }
    public void setServerErrorCodeRate(double serverErrorCodeRate) { this.serverErrorCodeRate = serverErrorCodeRate; }
    public double getFailedJobRate() { return failedJobRate; }
    public void setFailedJobRate(double failedJobRate) { this.failedJobRate = failedJobRate; }
    public double getTruncatedDownloadRate() { return truncatedDownloadRate; }
    public void setTruncatedDownloadRate(double truncatedDownloadRate) { this.truncatedDownloadRate = truncatedDownloadRate; }
    public double getCorruptDownloadRate() { return corruptDownloadRate; }
    public void setCorruptDownloadRate(double corruptDownloadRate) { this.corruptDownloadRate = corruptDownloadRate; }
    public double getTagOnlyDownloadRate() { return tagOnlyDownloadRate; }
    public void setTagOnlyDownloadRate(double tagOnlyDownloadRate) { this.tagOnlyDownloadRate = tagOnlyDownloadRate; }
    public double getExpiredUrlRate() { return expiredUrlRate; }
    public void setExpiredUrlRate(double expiredUrlRate) { this.expiredUrlRate = expiredUrlRate; }
    public long getSeed() { return seed; }
    public void setSeed(long seed) { this.seed = seed; }
    public double getCredits() { return credits; }
    public void setCredits(double credits) { this.credits = credits; }
    public double getCreditsPerThousandChars() { return creditsPerThousandChars; }
    public void setCreditsPerThousandChars(double creditsPerThousandChars) { this.creditsPerThousandChars = creditsPerThousandChars; }
    public Duration getRetention() { return retention; }
    public void setRetention(Duration retention) { this.retention = retention; }
    public double getCharactersPerSecondOfSpeech() { return charactersPerSecondOfSpeech; }
    public void setCharactersPerSecondOfSpeech(double charactersPerSecondOfSpeech) { this.charactersPerSecondOfSpeech = charactersPerSecondOfSpeech; }
    public int getThreads() { return threads; }
    public void setThreads(int threads) { this.threads = threads; }

    /** Sets every fault rate back to zero. */
    public double getAcceptedWithoutIdRate() { return acceptedWithoutIdRate; }
    public void setAcceptedWithoutIdRate(double acceptedWithoutIdRate) { this.acceptedWithoutIdRate = acceptedWithoutIdRate; }
    public double getUnreadableSuccessRate() { return unreadableSuccessRate; }
    public void setUnreadableSuccessRate(double unreadableSuccessRate) { this.unreadableSuccessRate = unreadableSuccessRate; }
    public double getRefusedDownloadRate() { return refusedDownloadRate; }
    public void setRefusedDownloadRate(double refusedDownloadRate) { this.refusedDownloadRate = refusedDownloadRate; }
    public boolean isEchoCredentials() { return echoCredentials; }
    public void setEchoCredentials(boolean echoCredentials) { this.echoCredentials = echoCredentials; }

    public double getCallbackDropRate() { return callbackDropRate; }
    public void setCallbackDropRate(double callbackDropRate) { this.callbackDropRate = callbackDropRate; }
    public double getCallbackDuplicateRate() { return callbackDuplicateRate; }
    public void setCallbackDuplicateRate(double callbackDuplicateRate) { this.callbackDuplicateRate = callbackDuplicateRate; }
    public double getCallbackLateRate() { return callbackLateRate; }
    public void setCallbackLateRate(double callbackLateRate) { this.callbackLateRate = callbackLateRate; }
    public Duration getCallbackLateBy() { return callbackLateBy; }
    public void setCallbackLateBy(Duration callbackLateBy) { this.callbackLateBy = callbackLateBy; }
    public double getCallbackForgedRate() { return callbackForgedRate; }
    public void setCallbackForgedRate(double callbackForgedRate) { this.callbackForgedRate = callbackForgedRate; }

    public String getSpeechFormat() { return speechFormat; }
    public void setSpeechFormat(String speechFormat) {
        if (!SpokenMp3.FORMATS.contains(speechFormat)) {
            throw new IllegalArgumentException("simulator.speech-format=" + speechFormat + ": one of " + SpokenMp3.FORMATS);
        }
        this.speechFormat = speechFormat;
    }
    public double getAudioSilentRate() { return audioSilentRate; }
    public void setAudioSilentRate(double audioSilentRate) { this.audioSilentRate = audioSilentRate; }
    public double getAudioCutOffRate() { return audioCutOffRate; }
    public void setAudioCutOffRate(double audioCutOffRate) { this.audioCutOffRate = audioCutOffRate; }
    public double getAudioTooLongRate() { return audioTooLongRate; }
    public void setAudioTooLongRate(double audioTooLongRate) { this.audioTooLongRate = audioTooLongRate; }
    public double getAudioLongSilenceRate() { return audioLongSilenceRate; }
    public void setAudioLongSilenceRate(double audioLongSilenceRate) { this.audioLongSilenceRate = audioLongSilenceRate; }
    public double getAudioClippedRate() { return audioClippedRate; }
    public void setAudioClippedRate(double audioClippedRate) { this.audioClippedRate = audioClippedRate; }
    public double getAudioTooQuietRate() { return audioTooQuietRate; }
    public void setAudioTooQuietRate(double audioTooQuietRate) { this.audioTooQuietRate = audioTooQuietRate; }
    public double getAudioTooLoudRate() { return audioTooLoudRate; }
    public void setAudioTooLoudRate(double audioTooLoudRate) { this.audioTooLoudRate = audioTooLoudRate; }

    /**
     * Has the simulator read {@code text} as {@code mp3}: a job of exactly that text (as Akool receives it, after the
     * lexicon) downloads these bytes. For tests of what depends on what is said where, such as captions.
     */
    public void speak(String text, byte[] mp3) {
        recordings.put(text, mp3.clone());
    }

    public void forgetRecordings() {
        recordings.clear();
    }

    byte[] recordingOf(String text) {
        return recordings.get(text);
    }

    public void clearFaults() {
        http5xxRate = http429Rate = dropRate = silentRate = rateLimitCodeRate = serverErrorCodeRate = 0;
        failedJobRate = truncatedDownloadRate = corruptDownloadRate = tagOnlyDownloadRate = expiredUrlRate = 0;
        acceptedWithoutIdRate = unreadableSuccessRate = refusedDownloadRate = 0;
        callbackDropRate = callbackDuplicateRate = callbackLateRate = callbackForgedRate = 0;
        audioSilentRate = audioCutOffRate = audioTooLongRate = audioLongSilenceRate = 0;
        audioClippedRate = audioTooQuietRate = audioTooLoudRate = 0;
        echoCredentials = false;
    }
}
