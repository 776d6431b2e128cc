package com.akoolnarrator.job.validate;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import com.akoolnarrator.input.ValidatedRow;
import com.akoolnarrator.job.RunContext;
import com.akoolnarrator.ledger.ReusePolicy;
import com.akoolnarrator.ledger.RunRegistry;

/** The validate step's writer: records each validated row of a run, and its narration, in the ledger. */
class RunRowWriter implements ItemWriter<ValidatedRow> {

    private final RunRegistry registry;
    private final RunContext run;
    private final ReusePolicy reuse;

    public RunRowWriter(RunRegistry registry, RunContext run, ReusePolicy reuse) {
        this.registry = registry;
        this.run = run;
        this.reuse = reuse;
    }

    @Override
    public void write(Chunk<? extends ValidatedRow> rows) {
        registry.recordRows(run.runId(), run.scope(), rows.getItems(), run.outputFolder(), reuse);
    }
}
