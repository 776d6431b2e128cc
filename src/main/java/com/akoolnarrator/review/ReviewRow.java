package com.akoolnarrator.review;

import java.time.Instant;
import java.util.List;

import com.akoolnarrator.ledger.CheckedAudio;
import com.akoolnarrator.ledger.ResultRow;

/**
 * A row of the folder's last run as a listener sees it.
 *
 * @param status   SUCCEEDED when its file is there to hear, else FAILED or INVALID (with {@code error})
 * @param file     the current take's file; null when there is none to hear
 * @param take     the current take, from 1; null for an INVALID row
 * @param decision the current take's decision, null when none
 * @param spoken   the text as it was sent to Akool, after the lexicon
 * @param audio    what the audio check found in the current take; null when it has not been checked
 * @param earlier  the takes it replaced, the first first
 */
record ReviewRow(long line, String id, ResultRow.Status status, String key, String file, Integer take,
        ResultRow.Review decision, String reason, String reviewer, Instant reviewedAt, CheckedAudio audio,
        Double expectedSeconds, String spoken, String error, List<EarlierTake> earlier) {

    /** Whether the audio check flagged the current take and no one has approved it since. */
    boolean flagged() {
        return ResultRow.toListenTo(file != null, audio, decision);
    }

    /** A take the row had before a reviewer sent it back; {@code file} null when its file was gone already. */
    record EarlierTake(int take, String file, String flags, String reason, String reviewer, Instant reviewedAt) {
    }
}
