package com.akoolnarrator.bucket;

/**
 * The bucket cannot be used as configured, or did not answer: one line for a person (what, and what to do), never the
 * SDK's trace; the run stops before Akool is asked for anything when it comes from the check at start.
 */
public class BucketException extends RuntimeException {

    BucketException(String message, Throwable cause) {
        super(message, cause);
    }
}
