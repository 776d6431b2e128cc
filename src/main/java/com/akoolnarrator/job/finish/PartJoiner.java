package com.akoolnarrator.job.finish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import com.akoolnarrator.audio.AudioInspector;
import com.akoolnarrator.job.finish.SplitRows.SplitNarration;
import com.akoolnarrator.storage.OutputFolder;

/**
 * The join step: every row narrated in parts whose parts are all on disk gets its MP3, joined from them and then
 * checked (the parts never are: a long script is measured once); a row with a
 * failed part is FAILED with that part's reason (its other parts stay downloaded, so a rerun sends only the failed
 * one). Runs after submit and collect on every execution, so that a crash between a last part's download and the
 * join is made good by the next run.
 */
class PartJoiner implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(PartJoiner.class);

    private final SplitRows splitRows;
    private final AudioInspector inspector;
    private final OutputFolder folder;
    private final long runId;

    public PartJoiner(SplitRows splitRows, AudioInspector inspector, OutputFolder folder, long runId) {
        this.splitRows = splitRows;
        this.inspector = inspector;
        this.folder = folder;
        this.runId = runId;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        Mp3Joiner joiner = new Mp3Joiner(folder);
        for (SplitNarration row : splitRows.readyToJoin(runId)) {
            if (!partsHoldAudio(row)) {
                continue;
            }
            try {
                AudioInspector.Inspected joined = inspector.inspect(folder, joiner.join(row.partFiles(), row.outputFile()));
                splitRows.recordJoined(row.key(), joined.audio(), joined.checked());
                contribution.incrementWriteCount(1);
                deleteParts(row);
            }
            catch (UncheckedIOException e) {
                // the parts stay on disk and DOWNLOADED: a rerun joins them again without asking Akool for anything
                splitRows.recordJoinFailed(row.key(), "could not join its " + row.partFiles().size() + " parts: "
                        + e.getCause().getMessage());
            }
        }
        int failed = splitRows.failRowsWithFailedParts(runId);
        if (failed > 0) {
            log.info("{} rows narrated in parts have a failed part; a rerun sends only the failed parts", failed);
        }
        return RepeatStatus.FINISHED;
    }

    /**
     * Whether every part is on disk as its download was recorded, and that download held MPEG audio (its playing time,
     * measured when it was downloaded): a part changed, cut short or without audio is not joined as if it were whole
     * (its sentences would be missing from a file that measures right). A part file that is gone is left to the join,
     * which says so.
     */
    private boolean partsHoldAudio(SplitNarration row) {
        boolean whole = true;
        for (SplitRows.PartFile part : row.parts()) {
            Path file = folder.resolve(part.file());
            String problem = part.recorded() != null && Files.exists(file) && !part.recorded().isHeldBy(file)
                    ? "its file is not the one downloaded (changed or cut short)"
                    : part.seconds() <= 0 ? "its download holds no MPEG audio frame" : null;
            if (problem != null) {
                splitRows.recordPartNotDownloaded(row.key(), part.file(), problem + "; the next run downloads it again"
                        + " while Akool keeps it");
                whole = false;
            }
        }
        return whole;
    }

    private void deleteParts(SplitNarration row) {
        for (String part : row.partFiles()) {
            try {
                Files.deleteIfExists(folder.resolve(part));
            }
            catch (IOException e) {
                log.warn("Could not delete the part file {}: {}", part, e.getMessage());
            }
        }
    }
}
