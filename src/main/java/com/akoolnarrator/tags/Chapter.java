package com.akoolnarrator.tags;

/** A chapter of a joined long script: one part, from its first to its last millisecond, titled by its opening words. */
public record Chapter(long startMillis, long endMillis, String title) {
}
