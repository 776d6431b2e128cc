package com.akoolnarrator.ledger;

import com.akoolnarrator.akool.SpeechRequest;

/**
 * A narration the ledger says still has to be submitted.
 *
 * @param akoolId the Akool job already recorded for it, found when its submission was counted (then nothing is sent)
 */
public record PendingNarration(String key, String rowId, String outputFile, SpeechRequest request, String akoolId) {

    public PendingNarration withAkoolId(String id) {
        return new PendingNarration(key, rowId, outputFile, request, id);
    }
}
