package com.akoolnarrator.ledger;

/**
 * Where a run's rows stand: how many are INVALID, and of the others how many have their narration in each state (a row
 * narrated in parts counts as one row, DOWNLOADED once joined).
 */
public record RunCounts(long pending, long submitted, long completed, long downloaded, long failed, long invalid) {

    public long total() {
        return pending + submitted + completed + downloaded + failed + invalid;
    }

    /** Rows Akool is working on, or whose MP3 waits to be downloaded. */
    public long atAkool() {
        return submitted + completed;
    }

    /** Rows that will not change any more in this run. */
    public long done() {
        return downloaded + failed + invalid;
    }

    /** Rows whose MP3 is on disk: SUCCEEDED in results.csv. */
    public long succeeded() {
        return downloaded;
    }

    /** Valid rows without their MP3: FAILED in results.csv once the run has ended. */
    public long notSucceeded() {
        return total() - downloaded - invalid;
    }
}
