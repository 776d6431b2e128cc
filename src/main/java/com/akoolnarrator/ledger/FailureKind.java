package com.akoolnarrator.ledger;

/** Why a FAILED narration is not simply submitted again by the next run (see the tables in {@code db/migration/V2__ledger_tables.sql}). */
public enum FailureKind {
    /** Akool may have accepted (and billed) it without saying which job: resent only when the user asks. */
    UNCONFIRMED,
    /** Akool had not finished it in time: the next run polls the same job again. */
    TIMED_OUT,
    /**
     * Akool finished it, but its MP3 could not be downloaded or written (the URL refused, the disk full): the next run
     * downloads it again, from the same URL or one Akool gives anew, while Akool keeps it.
     */
    NOT_DOWNLOADED,
    /**
     * Its MP3 was downloaded but the audio check flagged it, with {@code narrator.audio.flagged-rows=fail}: the next
     * run narrates it again, and pays for it.
     */
    AUDIO_REJECTED
}
