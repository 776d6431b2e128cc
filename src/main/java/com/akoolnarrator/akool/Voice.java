package com.akoolnarrator.akool;

/** An entry of {@code voice/list}: {@code from} is the list it came from, 3 for Akool's voices, 4 for the account's own. */
public record Voice(String voiceId, String name, String gender, String language, String previewUrl, int from) {
}
