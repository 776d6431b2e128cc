package com.akoolnarrator.ledger;

import com.akoolnarrator.akool.SpeechRequest;

/** A narration the ledger says still has to be submitted. */
public record PendingNarration(String key, String rowId, String outputFile, SpeechRequest request) {
}
