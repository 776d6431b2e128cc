package com.akoolnarrator.job.collect;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import com.akoolnarrator.ledger.DownloadedNarration;
import com.akoolnarrator.ledger.TrackedNarration;
import com.akoolnarrator.storage.AudioDownloader;

/** Downloads a completed narration's MP3 to its file in the output folder. */
class AudioFetcher implements ItemProcessor<TrackedNarration, DownloadedNarration> {

    private final AudioDownloader downloader;

    public AudioFetcher(AudioDownloader downloader) {
        this.downloader = downloader;
    }

    @Override
    public DownloadedNarration process(TrackedNarration narration) {
        return new DownloadedNarration(narration.key(), downloader.download(narration.audioUrl(), narration.outputFile()));
    }
}
