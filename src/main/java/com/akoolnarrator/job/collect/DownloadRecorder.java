package com.akoolnarrator.job.collect;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import com.akoolnarrator.job.ConsecutiveFailureGuard;
import com.akoolnarrator.ledger.AkoolJobFacts;
import com.akoolnarrator.ledger.DownloadedNarration;

/** The collect step's writer: MP3s now on disk, recorded in the ledger; a downloaded row ends a run of failures. */
class DownloadRecorder implements ItemWriter<DownloadedNarration> {

    private final AkoolJobFacts facts;
    private final ConsecutiveFailureGuard guard;

    DownloadRecorder(AkoolJobFacts facts, ConsecutiveFailureGuard guard) {
        this.facts = facts;
        this.guard = guard;
    }

    @Override
    public void write(Chunk<? extends DownloadedNarration> chunk) {
        facts.recordDownloaded(chunk.getItems());
        guard.success(ConsecutiveFailureGuard.Phase.COLLECT);
    }
}
