package com.akoolnarrator.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.akoolnarrator.job.Durations;

/**
 * Ctrl-C or SIGTERM while a job runs: ask the job to stop at its next chunk boundary (requests in flight finish and are
 * recorded), wait for the run to wind down and the database to close, at most {@code narrator.stop-timeout}, then exit
 * with the run's code (1, stopped). Before a job runs (the application is still starting) or for a command that sends
 * nothing, the process ends at once. Spring's own shutdown hook is off, so that the database is not closed under a job
 * that is still stopping. A process ended at the deadline loses nothing: what Akool accepted is in the ledger, and the
 * next run takes over the requests that were in flight.
 */
final class GracefulShutdown {

    private static final Logger log = LoggerFactory.getLogger("narrator");
    private static final CountDownLatch finished = new CountDownLatch(1);
    private static volatile int exitCode = 1;
    private static volatile Runnable stopAction;
    private static volatile Duration stopTimeout = Duration.ofSeconds(15);

    private GracefulShutdown() {
    }

    public static void install() {
        Runtime.getRuntime().addShutdownHook(new Thread(GracefulShutdown::onSignal, "graceful-stop"));
    }

    /** What to do when a stop is requested; the job's command registers itself here while it runs. */
    public static void onStop(Runnable action, Duration timeout) {
        stopTimeout = timeout;
        stopAction = action;
    }

    /** The application has finished (the context is closed): the exit code the process ends with. */
    public static void finish(int code) {
        exitCode = code;
        finished.countDown();
    }

    private static void onSignal() {
        if (finished.getCount() == 0) {
            return;
        }
        Runnable action = stopAction;
        if (action == null) {
            log.warn("Stop requested before the run began: nothing was sent. Stopping now.");
            Runtime.getRuntime().halt(RunOutcome.JOB_FAILED);
        }
        log.warn("Stop requested: letting the requests in flight finish (at most {}), then stopping. Run the same command"
                + " again to continue.", Durations.words(stopTimeout));
        try {
            action.run();
            if (!finished.await(stopTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                log.error("The job did not stop within narrator.stop-timeout ({}); exiting anyway: what Akool accepted is"
                        + " recorded, and the next run takes over the requests that were in flight", Durations.words(stopTimeout));
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        catch (RuntimeException e) {
            log.error("Could not stop the job cleanly: {}", e.getMessage());
        }
        Runtime.getRuntime().halt(exitCode);
    }
}
