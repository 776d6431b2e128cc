package com.akoolnarrator.akool;

/**
 * A failed Akool call, classified by what the caller should do about it. Messages never carry credentials.
 */
public abstract sealed class AkoolException extends RuntimeException
        permits AkoolException.Transient, AkoolException.RowRejected, AkoolException.Fatal {

    private final int code;

    protected AkoolException(int code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /** Akool's business code, or the HTTP status when the answer had none, or 0 for transport failures. */
    public int code() {
        return code;
    }

    /** Worth retrying after a pause: network faults, 5xx, rate limiting (1005, HTTP 429), server error (2001). */
    public static final class Transient extends AkoolException {
        private final java.time.Duration retryAfter;

        public Transient(int code, String message, java.time.Duration retryAfter, Throwable cause) {
            super(code, message, cause);
            this.retryAfter = retryAfter;
        }

        /** What the server asked us to wait, if it said. */
        public java.time.Duration retryAfter() {
            return retryAfter;
        }
    }

    /** This row cannot succeed as sent (parameter error, unknown id, permission): fail the row, go on. */
    public static final class RowRejected extends AkoolException {
        public RowRejected(int code, String message) {
            super(code, message, null);
        }
    }

    /** Not the row's fault (authentication, account, credit): stop the whole job. */
    public static final class Fatal extends AkoolException {
        public Fatal(int code, String message) {
            super(code, message, null);
        }
    }
}
