package com.akoolnarrator.ledger;

import java.time.Duration;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import com.akoolnarrator.input.InputFile;
import com.akoolnarrator.input.ValidatedRow;
import com.akoolnarrator.storage.OutputFolder;

/** The validate step's writer: records each validated row of a run, and its narration, in the ledger. */
public class RunRowWriter implements ItemWriter<ValidatedRow> {

    private final NarrationLedger ledger;
    private final long runId;
    private final InputFile input;
    private final String inputSha256;
    private final OutputFolder folder;
    private final Duration retention;
    private final boolean dryRun;

    public RunRowWriter(NarrationLedger ledger, long runId, InputFile input, String inputSha256, OutputFolder folder,
            Duration retention, boolean dryRun) {
        this.ledger = ledger;
        this.runId = runId;
        this.input = input;
        this.inputSha256 = inputSha256;
        this.folder = folder;
        this.retention = retention;
        this.dryRun = dryRun;
    }

    @Override
    public void write(Chunk<? extends ValidatedRow> rows) {
        String scope = folder.root().toString();
        ledger.startRun(runId, scope, input, inputSha256, !dryRun);
        ledger.recordRows(runId, scope, rows.getItems(), folder, retention);
    }
}
