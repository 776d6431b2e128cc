package com.akoolnarrator.akool;

/**
 * Akool's view of one text-to-speech job ({@code data} of create, clone and infobymodelid).
 *
 * @param id     Akool's {@code _id}
 * @param status 1 queueing, 2 processing, 3 completed, 4 failed
 * @param url    the MP3, once completed
 * @param detail what Akool said beside the status (its {@code msg}), used as the reason of a failed job
 */
public record AudioJob(String id, int status, String url, String detail) {

    public static final int QUEUEING = 1;
    public static final int PROCESSING = 2;
    public static final int COMPLETED = 3;
    public static final int FAILED = 4;
    /** The longest job id and audio URL the job keeps: longer ones are no answer Akool gives. */
    public static final int MAX_ID_LENGTH = 64;
    public static final int MAX_URL_LENGTH = 4096;

    public boolean isCompleted() {
        return status == COMPLETED && url != null && !url.isBlank();
    }

    public boolean isFailed() {
        return status == FAILED;
    }
}
