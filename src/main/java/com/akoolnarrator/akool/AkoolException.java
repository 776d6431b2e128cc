package com.akoolnarrator.akool;

/**
 * A failed Akool call, classified by what the caller should do about it. Messages never carry credentials.
 */
public abstract sealed class AkoolException extends RuntimeException
        permits AkoolException.Transient, AkoolException.RowRejected, AkoolException.Unconfirmed, AkoolException.Fatal {

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
        private final boolean mayHaveBeenAccepted;

        public Transient(int code, String message, java.time.Duration retryAfter, Throwable cause) {
            this(code, message, retryAfter, cause, false);
        }

        public Transient(int code, String message, java.time.Duration retryAfter, Throwable cause,
                boolean mayHaveBeenAccepted) {
            super(code, message, cause);
            this.retryAfter = retryAfter;
            this.mayHaveBeenAccepted = mayHaveBeenAccepted;
        }

        /**
         * Whether Akool may have accepted (and billed) the request all the same: a create or clone answered with HTTP
         * success but a body that is not Akool's envelope (an HTML page, nothing). Such a request is sent again once at
         * most.
         */
        public boolean mayHaveBeenAccepted() {
            return mayHaveBeenAccepted;
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

    /**
     * Akool may have accepted (and billed) a create or clone, but its answer does not say which job: the row fails
     * and is not sent again automatically, since Akool has no idempotency key and a resend may be paid twice.
     */
    public static final class Unconfirmed extends AkoolException {
        public Unconfirmed(int code, String message) {
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
