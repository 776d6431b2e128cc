package com.akoolnarrator.job;

import com.akoolnarrator.akool.AkoolClient;
import com.akoolnarrator.input.KnownVoices;
import com.akoolnarrator.storage.FreeSpace;

/**
 * What one execution of the narration job learns and decides while it runs, beside the facts the ledger keeps: the
 * consecutive-failure guard, the account's voices, the room its output disk keeps, and whether a stop was asked for.
 * Created when the execution starts and dropped when it ends, so nothing of one run leaks into the next in the same
 * process.
 */
public final class RunState {

    private final ConsecutiveFailureGuard guard;
    private final KnownVoices knownVoices;
    private final FreeSpace freeSpace;
    private volatile boolean stopRequested;

    RunState(int maxConsecutiveFailures, AkoolClient akool, FreeSpace freeSpace) {
        this.guard = new ConsecutiveFailureGuard(maxConsecutiveFailures);
        this.knownVoices = new KnownVoices(akool);
        this.freeSpace = freeSpace;
    }

    /**
     * Before what fills the output disk (a request whose MP3 comes back, a download): waits while the disk lacks its
     * reserve; false when a stop was asked for meanwhile.
     */
    public boolean awaitDiskRoom() {
        return freeSpace.awaitRoom(this::stopRequested);
    }

    public ConsecutiveFailureGuard guard() {
        return guard;
    }

    public KnownVoices knownVoices() {
        return knownVoices;
    }

    public boolean stopRequested() {
        return stopRequested;
    }

    void requestStop() {
        stopRequested = true;
    }
}
