package com.akoolnarrator.storage;

/** A failed MP3 download, classified: try again, or give up on the row. */
public abstract sealed class DownloadException extends RuntimeException
        permits DownloadException.Transient, DownloadException.Permanent {

    protected DownloadException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Network fault, 5xx, truncated body, bytes that are not MP3: download again. */
    public static final class Transient extends DownloadException {
        public Transient(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Expired or refused URL, file over the size cap, unsafe URL: the row fails. */
    public static final class Permanent extends DownloadException {
        private final boolean expired;

        public Permanent(String message, boolean expired) {
            super(message, null);
            this.expired = expired;
        }

        /** The URL no longer serves the audio (Akool keeps results 7 days): submitting again would help. */
        public boolean expired() {
            return expired;
        }
    }
}
