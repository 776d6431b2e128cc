package com.akoolnarrator.ledger;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Makes committed transactions durable, with one disk write for all the callers that ask at the same time.
 * <p>
 * The job database keeps commits in memory and writes them to its file in the background (H2's write delay), which
 * is cheap but means a killed process forgets its last fraction of a second. That is harmless for most of what the
 * job records (a forgotten download is downloaded again, for free), but not for an Akool job that was accepted and
 * billed: those facts call {@link #awaitDurable()} after their commit. The first caller to arrive writes everything
 * committed so far ({@code CHECKPOINT}); callers arriving while that write is under way wait, and the next of them
 * writes for all of them. With eight threads submitting, a disk write then covers several facts instead of one.
 * Another database ({@code spring.datasource.url}) makes a commit durable by itself: then there is nothing to wait for.
 */
final class GroupCheckpoint {

    private final JdbcClient jdbc;
    private final boolean delaysWrites;
    private final Object lock = new Object();
    /** Tickets handed out: a ticket is covered by any checkpoint that starts after it was handed out. */
    private long issued;
    /** Every ticket up to this one is on disk. */
    private long written;
    private boolean writing;
    private long checkpoints;

    GroupCheckpoint(JdbcClient jdbc, boolean delaysWrites) {
        this.jdbc = jdbc;
        this.delaysWrites = delaysWrites;
    }

    /** Returns once everything the calling thread has committed is in the database file. */
    void awaitDurable() {
        if (!delaysWrites) {
            return;
        }
        long covered;
        synchronized (lock) {
            long ticket = ++issued;
            while (written < ticket && writing) {
                waitForWriter();
            }
            if (written >= ticket) {
                return;
            }
            writing = true;
            covered = issued;
        }
        boolean done = false;
        try {
            jdbc.sql(LedgerSql.CHECKPOINT).update();
            done = true;
        }
        finally {
            synchronized (lock) {
                writing = false;
                if (done) {
                    written = Math.max(written, covered);
                    checkpoints++;
                }
                lock.notifyAll();
            }
        }
    }

    /** How many disk writes the callers so far have shared. */
    long checkpoints() {
        synchronized (lock) {
            return checkpoints;
        }
    }

    private void waitForWriter() {
        try {
            lock.wait();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the ledger was writing to disk", e);
        }
    }
}
