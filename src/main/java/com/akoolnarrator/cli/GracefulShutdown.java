package com.akoolnarrator.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ctrl-C or SIGTERM while a job runs: ask the job to stop at its next chunk boundary (requests in flight finish and are
 * recorded), wait for the run to wind down and the database to close, then exit with the run's code (1, stopped).
 * Spring's own shutdown hook is off, so that the database is not closed under a job that is still stopping.
 */
final class GracefulShutdown {

    private static final Logger log = LoggerFactory.getLogger("narrator");
    private static final CountDownLatch finished = new CountDownLatch(1);
    private static volatile int exitCode = 1;
    private static volatile Runnable stopAction = () -> { };

    private GracefulShutdown() {
    }

    public static void install() {
        Runtime.getRuntime().addShutdownHook(new Thread(GracefulShutdown::onSignal, "graceful-stop"));
    }

    /** What to do when a stop is requested; the job's command registers itself here while it runs. */
    public static void onStop(Runnable action) {
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
        log.warn("Stop requested: letting the requests in flight finish, then stopping. Run the same command again to continue.");
        try {
            stopAction.run();
            if (!finished.await(2, TimeUnit.MINUTES)) {
                log.error("The job did not stop within 2 minutes; exiting anyway (the next run recovers it)");
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
