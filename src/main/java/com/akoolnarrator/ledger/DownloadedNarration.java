package com.akoolnarrator.ledger;

import com.akoolnarrator.storage.DownloadedAudio;

/**
 * A narration whose MP3 is on disk under its final name.
 *
 * @param findings what the audio check found in it; {@code null} when it was not checked (a part of a long script,
 *                 or checks off)
 */
public record DownloadedNarration(String key, DownloadedAudio audio, CheckedAudio findings) {
}
