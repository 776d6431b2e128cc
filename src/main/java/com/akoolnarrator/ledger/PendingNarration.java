package com.akoolnarrator.ledger;

/**
 * A narration the ledger says still has to be submitted.
 *
 * @param asked   what Akool is to be asked, as the ledger keeps it
 * @param akoolId the Akool job already recorded for it, found when its submission was counted (then nothing is sent)
 */
public record PendingNarration(String key, String rowId, String outputFile, Asked asked, String akoolId) {

    /** A narration's request as the ledger keeps it: the text as sent (after the lexicon), the voice, the rate. */
    public record Asked(String text, String voiceId, String voiceUrl, String rate, String webhookUrl) {
    }

    public PendingNarration withAkoolId(String id) {
        return new PendingNarration(key, rowId, outputFile, asked, id);
    }
}
