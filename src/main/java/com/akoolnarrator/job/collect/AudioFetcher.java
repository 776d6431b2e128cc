package com.akoolnarrator.job.collect;

import java.io.UncheckedIOException;
import java.util.function.BooleanSupplier;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import com.akoolnarrator.akool.AkoolClient;
import com.akoolnarrator.akool.AkoolException;
import com.akoolnarrator.akool.AudioJob;
import com.akoolnarrator.akool.RequestsStopped;
import com.akoolnarrator.audio.AudioInspector;
import com.akoolnarrator.job.ConsecutiveFailureGuard;
import com.akoolnarrator.ledger.AkoolJobFacts;
import com.akoolnarrator.ledger.DownloadedNarration;
import com.akoolnarrator.ledger.TrackedNarration;
import com.akoolnarrator.storage.AudioDownloader;
import com.akoolnarrator.storage.DownloadException;
import com.akoolnarrator.storage.DownloadedAudio;
import com.akoolnarrator.storage.OutputFolder;

/**
 * Downloads a completed narration's MP3 to its file in the output folder, checks it, and records it in the ledger at
 * once with what the check found (its own commit, not the chunk's: {@code status}, the progress line and a stop know of
 * it within seconds, however full the chunk); a downloaded row ends a run of failures. When the URL is refused (it may
 * have expired since an earlier run learnt it), Akool is asked for the job again: a new URL is downloaded, a job Akool
 * no longer knows is a result gone, to be submitted anew.
 */
class AudioFetcher implements ItemProcessor<TrackedNarration, DownloadedNarration> {

    private final AudioDownloader downloader;
    private final AudioInspector inspector;
    private final OutputFolder folder;
    private final AkoolClient akool;
    private final AkoolJobFacts facts;
    private final ConsecutiveFailureGuard guard;
    private final BooleanSupplier diskRoom;

    AudioFetcher(AudioDownloader downloader, AudioInspector inspector, OutputFolder folder, AkoolClient akool,
            AkoolJobFacts facts, ConsecutiveFailureGuard guard, BooleanSupplier diskRoom) {
        this.downloader = downloader;
        this.inspector = inspector;
        this.folder = folder;
        this.guard = guard;
        this.akool = akool;
        this.facts = facts;
        this.diskRoom = diskRoom;
    }

    @Override
    public DownloadedNarration process(TrackedNarration narration) {
        try {
            return download(narration, narration.audioUrl());
        }
        catch (DownloadException.Permanent refused) {
            if (!refused.urlRefused()) {
                throw refused;
            }
            AudioJob job;
            try {
                job = akool.audioInfo(narration.akoolId());
            }
            catch (RequestsStopped stopping) {
                return null; // still COMPLETED in the ledger: the next run downloads it
            }
            catch (AkoolException.RowRejected unknown) {
                throw new DownloadException.ResultGone("Akool no longer has job " + narration.akoolId() + " ("
                        + unknown.getMessage() + ")");
            }
            if (!job.isCompleted() || job.url() == null || job.url().equals(narration.audioUrl())) {
                throw refused;
            }
            facts.recordCompleted(narration.key(), job.url());
            return download(narration, job.url());
        }
    }

    /** A file is checked where it was downloaded, in the download pool; a long script's parts only once joined. */
    private DownloadedNarration inspected(String key, DownloadedAudio audio) {
        try {
            AudioInspector.Inspected inspected = inspector.inspect(folder, audio);
            return new DownloadedNarration(key, inspected.audio(), inspected.checked());
        }
        catch (UncheckedIOException e) {
            throw new DownloadException.Transient(e.getMessage() + " (" + e.getCause().getMessage() + ")", e);
        }
    }

    private DownloadedNarration download(TrackedNarration narration, String url) {
        if (!diskRoom.getAsBoolean()) {
            throw new DownloadException.Transient("the output disk is full", null);
        }
        DownloadedAudio audio = downloader.download(url, narration.outputFile());
        DownloadedNarration downloaded = narration.part() ? new DownloadedNarration(narration.key(), audio, null)
                : inspected(narration.key(), audio);
        facts.recordDownloaded(downloaded);
        guard.success(ConsecutiveFailureGuard.Phase.COLLECT);
        return downloaded;
    }
}
