package com.akoolnarrator.ledger;

import java.util.List;

/**
 * One line of results.csv: an input row and what became of it.
 *
 * @param contentHash what the row's MP3 is a narration of (text as said, voice, rate): how a folder whose job database
 *                    was lost recognises its files
 * @param lexicon     the lexicon's entries that changed the row's text, with how often ({@code SQL x2; Akool x1})
 * @param take        which take of the row's narration this is, from 1 (null for an INVALID row)
 * @param review      a reviewer's decision on this take, null when none
 * @param captions    the caption files beside the MP3, space-separated; null when none were written
 * @param captionTiming how the captions' cues were timed: aligned to the audio's pauses, or estimated, and why
 */
public record ResultRow(long line, String id, Status status, String file, String akoolId, String audioUrl, Long bytes,
        Double durationSeconds, String sha256, int attempts, String error, List<String> values, CheckedAudio audio,
        Double expectedSeconds, String contentHash, String lexicon, Integer take, Review review, String reviewReason,
        String captions, String captionTiming) {

    public enum Status { SUCCEEDED, FAILED, INVALID }

    /** A person's decision on a take: keep it, or narrate it again on the next run. */
    public enum Review {
        APPROVE, REDO;

        /** As results.csv and the review's CSV write it. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public static final List<String> COLUMNS = List.of("id", "status", "file", "akool_id", "audio_url", "bytes",
            "duration_seconds", "sha256", "attempts", "error", "loudness_lufs", "peak_dbfs", "gain_db", "audio_check",
            "content_hash", "lexicon", "take", "review", "review_reason", "captions", "caption_timing");

    /** Whether the audio check flagged this row's file: one to listen to before it is published. */
    public boolean flagged() {
        return toListenTo(status == Status.SUCCEEDED, audio, review);
    }

    /**
     * Whether a file is one to listen to: it is there, the audio check flagged it, and no person approved it since (a
     * listener's verdict wins over the machine's, as {@code SharedSql.FLAGGED_FILES} counts them).
     */
    public static boolean toListenTo(boolean fileThere, CheckedAudio audio, Review review) {
        return fileThere && audio != null && !audio.flags().isBlank() && review != Review.APPROVE;
    }
}
