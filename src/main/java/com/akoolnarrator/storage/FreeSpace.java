package com.akoolnarrator.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Room on the output folder's disk for what a run writes: before a request that costs money and before an MP3 is
 * written, the disk must keep a reserve free ({@code narrator.min-free-disk}) for the job database, which must never
 * meet a full disk (an embedded database that cannot write is lost to the run, and with it what Akool accepted). Below
 * it, nothing is sent and nothing downloaded, one line says so, and the run waits until space is freed, then goes on.
 */
public final class FreeSpace {

    private static final Logger log = LoggerFactory.getLogger("narrator");
    private static final Duration CHECK = Duration.ofMillis(500);

    private final Path folder;
    private final long reserveBytes;
    private final AtomicBoolean waiting = new AtomicBoolean();

    public FreeSpace(Path folder, long reserveBytes) {
        this.folder = folder;
        this.reserveBytes = reserveBytes;
    }

    /** Returns once the disk has its reserve free (at once, mostly); false when a stop was asked for meanwhile. */
    public boolean awaitRoom(BooleanSupplier stopRequested) {
        while (usable() < reserveBytes) {
            if (waiting.compareAndSet(false, true)) {
                log.warn("The output disk is full ({} MB free; the job keeps {} MB for its database): no new request is"
                        + " sent to Akool and no MP3 written; free space and the run goes on", usable() / (1 << 20),
                        reserveBytes / (1 << 20));
            }
            if (stopRequested.getAsBoolean()) {
                return false;
            }
            try {
                Thread.sleep(CHECK.toMillis());
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        if (waiting.compareAndSet(true, false)) {
            log.info("The output disk has room again: the run goes on");
        }
        return true;
    }

    private long usable() {
        try {
            return Files.getFileStore(folder).getUsableSpace();
        }
        catch (IOException e) {
            return Long.MAX_VALUE; // the disk cannot say: the writes themselves will
        }
    }
}
