package com.akoolnarrator.akool;

/**
 * The run is stopping, so this request was not sent: not Akool's answer, nor the row's fault. Callers leave the row as
 * it is for the next run; nothing retries or skips it.
 */
public final class RequestsStopped extends RuntimeException {

    RequestsStopped() {
        super("the run is stopping: request not sent", null, false, false);
    }
}
