package com.akoolnarrator.captions;

/** A caption: its text shown from {@code start} to {@code end}, in seconds from the start of the audio. */
public record Cue(double start, double end, String text) {
}
