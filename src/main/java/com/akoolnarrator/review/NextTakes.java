package com.akoolnarrator.review;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import com.akoolnarrator.ledger.LedgerStore;

/**
 * The redo step's writer: each kept take recorded with what it was, and its narration moved on to the next take,
 * PENDING, to be sent to Akool by this run's submit step as any new narration is (the accepted job recorded before the
 * next request). Both in one transaction, and only from the take that was sent back: never a second new take for one
 * decision.
 */
class NextTakes implements ItemWriter<KeptTake> {

    private final LedgerStore store;
    private final long runId;

    NextTakes(LedgerStore store, long runId) {
        this.store = store;
        this.runId = runId;
    }

    @Override
    public void write(Chunk<? extends KeptTake> kept) {
        Timestamp now = store.now();
        store.committedNow(() -> {
            List<Object[]> takes = new ArrayList<>();
            for (KeptTake each : kept) {
                SentBack take = each.take();
                if (store.jdbc().sql(TakeSql.NEXT_TAKE).params(now, take.key(), take.take()).update() == 1) {
                    store.jdbc().sql(TakeSql.PARTS_AGAIN).params(now, take.key()).update();
                    takes.add(new Object[] { take.key(), take.take(), each.keptFile(), take.akoolIds(), take.bytes(),
                        take.sha256(), take.seconds(), take.flags(), take.reason(), take.reviewer(), take.reviewedAt(),
                        runId, now });
                }
            }
            store.batchUpdates().batchUpdate(TakeSql.KEEP_TAKE, takes);
        });
    }
}
