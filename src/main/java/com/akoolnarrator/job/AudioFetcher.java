package com.akoolnarrator.job;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import com.akoolnarrator.ledger.TrackedNarration;
import com.akoolnarrator.storage.AudioDownloader;

/** Downloads a completed narration's MP3 to its file in the output folder. */
public class AudioFetcher implements ItemProcessor<TrackedNarration, FetchedAudio> {

    private final AudioDownloader downloader;

    public AudioFetcher(AudioDownloader downloader) {
        this.downloader = downloader;
    }

    @Override
    public FetchedAudio process(TrackedNarration narration) {
        return new FetchedAudio(narration, downloader.download(narration.audioUrl(), narration.outputFile()));
    }
}
