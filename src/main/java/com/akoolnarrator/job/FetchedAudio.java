package com.akoolnarrator.job;

import com.akoolnarrator.ledger.TrackedNarration;
import com.akoolnarrator.storage.DownloadedAudio;

/** A narration whose MP3 is on disk. */
public record FetchedAudio(TrackedNarration narration, DownloadedAudio audio) {
}
