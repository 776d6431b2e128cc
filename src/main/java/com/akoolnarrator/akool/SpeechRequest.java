package com.akoolnarrator.akool;

/**
 * One narration as Akool receives it. With a {@code voiceUrl} it goes to {@code audio/clone}, otherwise to
 * {@code audio/create}.
 */
public record SpeechRequest(String inputText, String voiceId, String voiceUrl, String rate, String webhookUrl) {

    public boolean isClone() {
        return voiceUrl != null && !voiceUrl.isBlank();
    }

    /** The request with Akool told to call {@code callbackUrl} back, unless it names a webhook of its own. */
    public SpeechRequest callingBack(String callbackUrl) {
        return webhookUrl != null && !webhookUrl.isBlank() ? this
                : new SpeechRequest(inputText, voiceId, voiceUrl, rate, callbackUrl);
    }

    public String endpointPath() {
        return isClone() ? "/api/open/v3/audio/clone" : "/api/open/v3/audio/create";
    }
}
