package com.akoolnarrator.captions;

/** Captions written for a narration: what they were made from, the files, how they were timed. */
record Captioned(String key, String source, String files, String timing) {
}
