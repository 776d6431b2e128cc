package com.akoolnarrator.job.validate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import com.akoolnarrator.job.RunContext;
import com.akoolnarrator.tags.NarratedFiles;

/**
 * The validate step's writer: records each validated row of a run, and its narration, in the ledger; says at the end
 * how many rows were taken from what the output folder holds rather than submitted.
 */
class RunRowWriter implements ItemWriter<ValidatedRow>, StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger("narrator");

    private final RowRecorder recorder;
    private final RunContext run;
    private final ReusePolicy reuse;
    private final NarratedFiles folderShows;
    private int fromFolderNew;
    private int fromFolderOlder;

    RunRowWriter(RowRecorder recorder, RunContext run, ReusePolicy reuse, NarratedFiles outputShows) {
        this.recorder = recorder;
        this.run = run;
        this.reuse = reuse;
        this.folderShows = outputShows;
    }

    @Override
    public void write(Chunk<? extends ValidatedRow> rows) {
        RowRecorder.Recorded recorded = recorder.record(run.runId(), run.scope(), rows.getItems(), reuse,
                folderShows);
        fromFolderNew += recorded.fromFolderNew();
        fromFolderOlder += recorded.fromFolderOlder();
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        if (fromFolderNew > 0) {
            log.info("Recovered {} rows from the output folder: the job database had no record of them (was .narrator"
                    + " deleted or lost?), but their MP3s are there and hold what the rows ask for (their tags, or"
                    + " results.csv and their checksums); they are not submitted again", fromFolderNew);
        }
        if (fromFolderOlder > 0) {
            log.warn("The job database is older than the output folder: {} rows it has as not narrated yet are narrated"
                    + " in the folder (their MP3s' tags, or results.csv and their checksums). Was it restored from a copy,"
                    + " or did its file open at an older state? They are taken from the folder, not paid for again",
                    fromFolderOlder);
        }
        return null;
    }
}
