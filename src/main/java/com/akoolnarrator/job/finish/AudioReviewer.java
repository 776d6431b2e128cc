package com.akoolnarrator.job.finish;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import com.akoolnarrator.audio.AudioCheck;
import com.akoolnarrator.audio.AudioFindings;
import com.akoolnarrator.audio.AudioProperties;
import com.akoolnarrator.job.finish.AudioReview.FlaggedFile;

/**
 * The review step: with every file of the run checked on its own, judges each against the speaking rate its voice and
 * rate show across the run (a cut-off take is far shorter than its text suggests), then, with
 * {@code narrator.audio.flagged-rows=fail}, fails the flagged rows so that a rerun narrates them again. Runs on every
 * execution, after the join, so that a joined file is judged too.
 */
class AudioReviewer implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(AudioReviewer.class);

    private final AudioReview review;
    private final AudioCheck check;
    private final AudioProperties settings;
    private final long runId;

    AudioReviewer(AudioReview review, AudioCheck check, AudioProperties settings, long runId) {
        this.review = review;
        this.check = check;
        this.settings = settings;
        this.runId = runId;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        if (!settings.checks()) {
            return RepeatStatus.FINISHED;
        }
        review.judgeSpeakingRates(runId, settings.speakingRateTolerance(), settings.speakingRateFiles());
        if (settings.flaggedRows() == AudioProperties.FlaggedRows.FAIL) {
            List<FlaggedFile> flagged = review.flagged(runId);
            for (FlaggedFile file : flagged) {
                review.reject(file.key(), "the audio check flagged it (narrator.audio.flagged-rows=fail): "
                        + check.describe(AudioFindings.of(file.findings()), file.expectedSeconds())
                        + "; a rerun narrates it again, and pays for it");
            }
            if (!flagged.isEmpty()) {
                log.warn("{} rows FAILED the audio check (narrator.audio.flagged-rows=fail); their reasons are in"
                        + " results.csv, and a rerun narrates them again, paying for them", flagged.size());
            }
            contribution.incrementWriteCount(flagged.size());
        }
        return RepeatStatus.FINISHED;
    }
}
