package com.akoolnarrator.ledger;

import com.akoolnarrator.storage.DownloadedAudio;

/** A narration whose MP3 is on disk under its final name. */
public record DownloadedNarration(String key, DownloadedAudio audio) {
}
