package com.akoolnarrator.job.submit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

import com.akoolnarrator.ledger.AkoolJobFacts;
import com.akoolnarrator.ledger.PendingNarration;

/**
 * The submit step's reader: pending narrations in input order, a chunk at a time, with the first attempt of the
 * whole chunk counted in the ledger in one durable commit before any of them is sent (one disk write a chunk, not one
 * a row). A narration that turns out to have an Akool job already comes with its id, and is followed instead of sent.
 * Attempts counted but never sent (the step stopped or failed first) are taken back when the step closes. Narrations
 * put back after a refusal ({@link DeferredSubmissions}) are handed out again once their time has come, before new ones.
 */
class PendingSubmissionReader implements ItemStreamReader<PendingNarration> {

    private final ItemStreamReader<PendingNarration> pending;
    private final AkoolJobFacts facts;
    private final CountedAttempts attempts;
    private final int batchSize;
    private final Deque<PendingNarration> counted = new ArrayDeque<>();
    private final DeferredSubmissions deferred;
    private final BooleanSupplier stopRequested;

    public PendingSubmissionReader(ItemStreamReader<PendingNarration> pending, AkoolJobFacts facts,
            CountedAttempts attempts, int batchSize, DeferredSubmissions deferred, BooleanSupplier stopRequested) {
        this.pending = pending;
        this.deferred = deferred;
        this.stopRequested = stopRequested;
        this.facts = facts;
        this.attempts = attempts;
        this.batchSize = Math.max(1, batchSize);
    }

    @Override
    public PendingNarration read() throws Exception {
        PendingNarration due = deferred.nextDue();
        if (due != null) {
            return due;
        }
        if (counted.isEmpty()) {
            List<PendingNarration> batch = new ArrayList<>(batchSize);
            PendingNarration next;
            while (batch.size() < batchSize && (next = pending.read()) != null) {
                batch.add(next);
            }
            List<String> keys = batch.stream().map(PendingNarration::key).toList();
            Map<String, String> known = facts.beginSubmissions(keys);
            attempts.counted(keys.stream().filter(key -> !known.containsKey(key)).toList());
            batch.forEach(narration -> counted.add(known.containsKey(narration.key())
                    ? narration.withAkoolId(known.get(narration.key())) : narration));
        }
        PendingNarration next = counted.poll();
        return next != null ? next : deferred.awaitNext(stopRequested);
    }

    @Override
    public void open(ExecutionContext executionContext) {
        pending.open(executionContext);
    }

    @Override
    public void update(ExecutionContext executionContext) {
        pending.update(executionContext);
    }

    @Override
    public void close() {
        counted.clear();
        facts.takeBackAttempts(attempts.drainUnused());
        pending.close();
    }
}
