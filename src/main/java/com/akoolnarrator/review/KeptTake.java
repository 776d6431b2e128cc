package com.akoolnarrator.review;

/** A take sent back, its file kept under {@code keptFile} (null when it was gone already). */
record KeptTake(SentBack take, String keptFile) {
}
