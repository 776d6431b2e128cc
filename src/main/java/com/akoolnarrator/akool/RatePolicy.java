package com.akoolnarrator.akool;

/**
 * How fast the job may call Akool, learnt from Akool's answers, as TCP learns a connection's window. Pure: the throttle
 * feeds it what happened and asks it for the rate.
 * <p>
 * Akool publishes no rate limit. Until its first rate-limit signal the rate grows fast (about doubling every two seconds
 * under demand, "slow start"); after it, as CUBIC does in TCP: back quickly (5 % a second) to near the rate Akool last
 * objected to, then very slowly (0.5 % a second) up to it, so that refusals stay rare, and beyond it at 3 % a second,
 * in case the account allows more now. It grows only while Akool accepts requests and work is waiting for the budget: a job that does not use its budget proves nothing about the account. On a rate-limit
 * signal (1005, HTTP 429) it is cut by a quarter, once per episode: signals for requests sent before the last cut are
 * answers to the rate already cut, so many threads hitting one episode cut once; and an episode lasts a second at least,
 * the time a rate limiter's bucket takes to refill, so that a burst of refusals does not cut the rate to the floor. It
 * never goes above the ceiling nor below the floor. When Akool's limiter has run dry, the rate at which it went on
 * accepting requests is its limit: a cut goes down to that rate if it is lower (but never by more than half).
 * <p>
 * A rate the user gave is the ceiling and the start, and is not learnt: a rate-limit signal halves it (once per
 * episode), and every accepted request gives back 2 % of it, demand or not.
 * <p>
 * Either way only a refusal that a lower rate would have avoided is a rate-limit signal ({@link RefusalEvidence}):
 * refusals that came as often at lower rates do not depend on the rate, and neither cut it nor pause anyone. A refusal
 * with nothing yet to compare it with cuts the rate all the same (it may be the limit), but ends no slow start and sets
 * no rate to creep up to: only a refusal known to be the limit does.
 */
final class RatePolicy {

    /** What a refusal means for everyone else. */
    enum Refusal {
        /** The limit, or maybe (nothing to compare with yet): everyone pauses as Akool asked. */
        LIMIT,
        /** As frequent as at lower rates: noise; only the refused request waits. */
        NOISE
    }

    /** Growth per accepted request, as a fraction of a request per second: the rate grows by this share each second. */
    static final double SLOW_START_GAIN = 0.35;
    static final double RECOVERY_GAIN = 0.05;
    static final double PLATEAU_GAIN = 0.005;
    static final double STEADY_GAIN = 0.03;
    /** Below this share of the rate Akool last objected to, the rate recovers quickly; above it, it creeps. */
    static final double PLATEAU_FROM = 0.9;
    static final double CUT = 0.75;
    /** A cut to the rate Akool went on accepting goes a little under it, so that the refusals stop rather than go on at it. */
    static final double UNDER_ACCEPTED = 0.95;
    /** What a run remembers: a little under the rate at which Akool last said "too frequent". */
    static final double SETTLED_SHARE = 0.9;

    static final long EPISODE_NANOS = 1_000_000_000L;
    /** Far more than can be in flight at once (a connection each). */
    private static final int REMEMBERED_TICKETS = 1 << 14;
    static final double GIVEN_RECOVERY = 0.02;
    static final double GIVEN_CUT = 0.5;

    private final double floor;
    private final double ceiling;
    private final boolean fixed;
    private double rate;
    private boolean slowStart;
    private long requestsSent;
    private long cutAtRequest = -1;
    private long cutAtNanos;
    private double lastRejectedRate = Double.NaN;
    private final RefusalEvidence evidence = new RefusalEvidence();
    /** The rate each recent request was sent at, by ticket: its answer counts there, not at the rate when it came back. */
    private final double[] sentAtRate = new double[REMEMBERED_TICKETS];

    private RatePolicy(double start, double floor, double ceiling, boolean fixed, boolean slowStart) {
        this.floor = Math.min(floor, ceiling);
        this.ceiling = ceiling;
        this.fixed = fixed;
        this.rate = Math.max(this.floor, Math.min(ceiling, start));
        this.slowStart = slowStart;
    }

    /** The rate the user gave: never exceeded, never learnt. */
    public static RatePolicy given(double rate, double floor) {
        return new RatePolicy(rate, floor, rate, true, false);
    }

    /** A rate learnt from scratch, from {@code start}, growing fast until Akool first objects. */
    public static RatePolicy learning(double start, double floor, double ceiling) {
        return new RatePolicy(start, floor, ceiling, false, true);
    }

    /** A rate learnt before (by an earlier run): carried on from, growing slowly. */
    public synchronized void resumeAt(double learnt) {
        if (!fixed) {
            rate = Math.max(floor, Math.min(ceiling, learnt));
            slowStart = false;
        }
    }

    public double ceiling() {
        return ceiling;
    }

    public synchronized double rate() {
        return rate;
    }

    /** Whether the user gave the rate (then it is not learnt, nor remembered). */
    public boolean isGiven() {
        return fixed;
    }

    /** A request is about to be sent: its ticket, which its answer brings back. */
    public synchronized long sent() {
        sentAtRate[(int) (++requestsSent % REMEMBERED_TICKETS)] = rate;
        return requestsSent;
    }

    private double sentAt(long ticket) {
        return ticket > 0 && requestsSent - ticket < REMEMBERED_TICKETS ? sentAtRate[(int) (ticket % REMEMBERED_TICKETS)] : rate;
    }

    /**
     * Akool accepted the request with this ticket.
     *
     * @param demand whether work was waiting for the budget lately (else the rate was not what limited the job)
     */
    public synchronized void accepted(long ticket, boolean demand) {
        evidence.answered(sentAt(ticket), false);
        if (rate >= ceiling || !fixed && !demand) {
            return;
        }
        rate = Math.min(ceiling, rate + (fixed ? ceiling * GIVEN_RECOVERY : gain()));
    }

    private double gain() {
        if (slowStart) {
            return SLOW_START_GAIN;
        }
        if (Double.isNaN(lastRejectedRate) || rate >= lastRejectedRate) {
            return STEADY_GAIN;
        }
        return rate < lastRejectedRate * PLATEAU_FROM ? RECOVERY_GAIN : PLATEAU_GAIN;
    }

    /**
     * Akool said "too frequent" to the request with this ticket, at this time ({@link System#nanoTime()}), knowing how
     * many requests a second Akool accepted lately (NaN when unknown). A rate-limit signal cuts the rate once per
     * episode.
     *
     * @return whether everyone should pause, or only the refused request wait
     */
    public synchronized Refusal rejected(long ticket, long nowNanos, double acceptedPerSecond) {
        double sentAt = sentAt(ticket);
        evidence.answered(sentAt, true);
        RefusalEvidence.Meaning meaning = evidence.meaning(sentAt);
        if (meaning == RefusalEvidence.Meaning.NOISE) {
            return Refusal.NOISE;
        }
        if (ticket <= cutAtRequest || cutAtRequest >= 0 && nowNanos - cutAtNanos < EPISODE_NANOS) {
            return Refusal.LIMIT;
        }
        cutAtNanos = nowNanos;
        boolean known = meaning == RefusalEvidence.Meaning.LIMIT;
        if (known) {
            lastRejectedRate = rate;
        }
        double cut = rate * (fixed ? GIVEN_CUT : CUT);
        if (!fixed && acceptedPerSecond * UNDER_ACCEPTED < cut) {
            cut = Math.max(acceptedPerSecond * UNDER_ACCEPTED, rate * GIVEN_CUT);
        }
        rate = Math.max(floor, cut);
        // a refusal with nothing to compare it with may be noise: the rate still grows fast until one is the limit,
        // and the rate it came at is no limit to creep up to
        slowStart &= !known;
        cutAtRequest = requestsSent;
        return Refusal.LIMIT;
    }

    /** What the policy knows of Akool's refusals around the current rate, for a log line. */
    public synchronized String evidence() {
        return evidence.describe(rate);
    }

    /** The share of answers Akool refuses at rates below the current one: its noise, when the refusals are not the limit. */
    public synchronized double noise() {
        return evidence.shareBelow(rate);
    }

    /**
     * The rate to remember for the next run: a little under the rate at which Akool last objected, or the rate reached
     * when it never did.
     */
    public synchronized double settled() {
        return Double.isNaN(lastRejectedRate) ? rate : Math.max(floor, Math.min(ceiling, lastRejectedRate * SETTLED_SHARE));
    }
}
