package com.akoolnarrator.simulator;

/** One text-to-speech job at the simulated Akool: what it was asked, when it ends, and how. */
final class SimulatedJob {
    final String id;
    final String text;
    final String rate;
    final String voiceId;
    final String webhookUrl;
    final long createdAt;
    /** When it ends: later for a job held, until it is released. */
    volatile long readyAt;
    final boolean fails;
    private Boolean expired;
    private boolean held;

    final SpokenMp3.Fault audioFault;

SimulatedJob(String id, String text, String rate, String voiceId, String webhookUrl, long createdAt, long readyAt,
            boolean fails, SpokenMp3.Fault audioFault, boolean held) {
        this.audioFault = audioFault;
        this.id = id;
        this.text = text;
        this.rate = rate;
        this.voiceId = voiceId;
        this.webhookUrl = webhookUrl;
        this.createdAt = createdAt;
        this.readyAt = readyAt;
        this.fails = fails;
        this.held = held;
    }

    /** Ends a held job at {@code now}; whether it was held. */
    synchronized boolean release(long now) {
        if (!held) {
            return false;
        }
        held = false;
        readyAt = now;
        return true;
    }

    /** Whether a download found this job's URL expired: then Akool no longer has its result either. */
    private boolean finishedReported;

    /** Whether this is the first status call to report the job's end. */
    synchronized boolean reportFinished() {
        boolean first = !finishedReported;
        finishedReported = true;
        return first;
    }

    synchronized boolean knownExpired() {
        return Boolean.TRUE.equals(expired);
    }

    /** Whether this job's URL is one of the expired ones: decided once, so that retries see the same. */
    synchronized boolean expired(FaultInjector faults, double rate) {
        if (expired == null) {
            expired = faults.chance(rate);
        }
        return expired;
    }
}
