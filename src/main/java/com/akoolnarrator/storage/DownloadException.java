package com.akoolnarrator.storage;

/** A failed MP3 download, classified: try again now, later (the next run), or never from this job. */
public abstract sealed class DownloadException extends RuntimeException
        permits DownloadException.Transient, DownloadException.Permanent, DownloadException.ResultGone {

    protected DownloadException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Network fault, 5xx, truncated body, bytes that are not MP3, a disk that cannot take it now: download again. */
    public static final class Transient extends DownloadException {
        public Transient(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * A refused URL, a file over the size cap: not again in this run. The result is still Akool's, so the next run
     * downloads it again rather than pay for it twice; a refused URL may be one Akool replaces when asked.
     */
    public static final class Permanent extends DownloadException {

        private final boolean urlRefused;

        public Permanent(String message) {
            this(message, false);
        }

        public Permanent(String message, boolean urlRefused) {
            super(message, null);
            this.urlRefused = urlRefused;
        }

        /** The URL answered 403, 404 or 410: expired, removed, or refused by something in between. */
        public boolean urlRefused() {
            return urlRefused;
        }
    }

    /** Akool no longer has the result, or gave none that can be used: only a new submission brings the MP3. */
    public static final class ResultGone extends DownloadException {
        public ResultGone(String message) {
            super(message, null);
        }
    }
}
