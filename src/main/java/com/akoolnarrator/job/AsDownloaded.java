package com.akoolnarrator.job;

import java.time.Duration;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * The readers of the steps that finish a bucket's files while the collect step downloads others (tag, captions,
 * store, side by side with it in the narrate split): a file then waits in the state folder only from its download to
 * its upload, not until the whole run is downloaded. A run into a folder finishes its files after the split, as
 * before; these steps find nothing to do there.
 */
public final class AsDownloaded {

    /** The steps followed, in turn: the downloads are tagged, then captioned, then stored. */
    public static final String COLLECT_STEP = "collect";
    public static final String TAG_STEP = "tag-early";
    public static final String CAPTIONS_STEP = "captions-early";

    /** How long a following step waits after a pass that found nothing new. */
    private static final Duration IDLE = Duration.ofMillis(200);

    private AsDownloaded() {
    }

    /**
     * The rows {@code page} says are ready, as they become so, until the step {@code following} has ended and left none,
     * in a run into a bucket; none in a run into a folder.
     */
    public static <T> FollowingPages<T> reader(RunContexts runs, JobRepository jobRepository, StepExecution step,
            String following, LinePages.Page<T> page, ToLongFunction<T> lineOf, Function<T, String> keyOf, int size) {
        if (runs.of(step).bucket() == null) {
            return FollowingPages.none();
        }
        return new FollowingPages<>(page, lineOf, keyOf, size, StepEnded.of(jobRepository, step.getJobExecution(),
                following), runs.state(step)::stopRequested, IDLE);
    }
}
