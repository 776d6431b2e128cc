package com.akoolnarrator.captions;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import com.akoolnarrator.ledger.LedgerStore;

/** The captions step's writer: what each file's captions were made from, the files and their timing, in one batch. */
class CaptionsWritten implements ItemWriter<Captioned> {

    private final LedgerStore store;

    CaptionsWritten(LedgerStore store) {
        this.store = store;
    }

    @Override
    public void write(Chunk<? extends Captioned> captioned) {
        store.committedNow(() -> store.batchUpdates().batchUpdate(CaptionSql.CAPTIONED, captioned.getItems().stream()
            .map(c -> new Object[] { c.source(), c.files(), c.timing(), c.key() }).toList()));
    }
}
