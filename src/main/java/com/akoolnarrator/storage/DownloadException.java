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

    /** Expired or refused URL, file over the size cap, unsafe URL: the row fails (a rerun submits it again). */
    public static final class Permanent extends DownloadException {
        public Permanent(String message) {
            super(message, null);
        }
    }
}
