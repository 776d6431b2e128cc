package com.akoolnarrator.job.validate;

import java.util.List;

import com.akoolnarrator.akool.SpeechRequest;
import com.akoolnarrator.input.TrackTags;
import com.akoolnarrator.storage.Sha256;

/**
 * What one valid row asks for. Its {@link #contentHash()} covers exactly what is narrated (text, voice, rate): a
 * change there means new audio, a change elsewhere (webhook, pass-through columns) does not.
 *
 * @param text  what Akool is sent: the row's text with the lexicon's substitutions made
 * @param parts the text as Akool is sent it: the text itself, or for a text over Akool's word limit its sentences
 *              grouped into parts under the limit, narrated one by one and joined into {@code outputFile}
 * @param tags  what the row's MP3 is tagged with; like the webhook and the output file, not part of what is narrated
 */
record NarrationSpec(String rowId, String text, String voiceId, String voiceUrl, String rate, String webhookUrl,
        String outputFile, List<String> parts, TrackTags tags) {

    public NarrationSpec {
        parts = parts == null || parts.isEmpty() ? List.of(text) : List.copyOf(parts);
        tags = tags == null ? TrackTags.NONE : tags;
    }

    public boolean isSplit() {
        return parts.size() > 1;
    }

    /** Part {@code index} (from 0) of a split text, narrated on its own into a part file. */
    public NarrationSpec part(int index, String partFile) {
        return new NarrationSpec(rowId, parts.get(index), voiceId, voiceUrl, rate, webhookUrl, partFile, null, null);
    }

    /** The ledger's key of part {@code index}: its row's narration, its place, and what it says. */
    public String partKey(String narrationKey, int index) {
        return sha256(narrationKey + "\u0000" + index + "\u0000" + sha256(parts.get(index)));
    }

    public SpeechRequest toRequest() {
        return new SpeechRequest(text, voiceId, voiceUrl, rate, webhookUrl);
    }

    public String endpoint() {
        return toRequest().isClone() ? "clone" : "create";
    }

    public String contentHash() {
        return sha256(String.join("\u0000", text, nullToEmpty(voiceId), nullToEmpty(voiceUrl), rate));
    }

    /** The ledger's key: the same row narrated the same way, into the same output folder. */
    public String narrationKey(String scope) {
        return sha256(scope + "\u0000" + rowId + "\u0000" + contentHash());
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String sha256(String value) {
        return Sha256.of(value);
    }
}
