package com.akoolnarrator.akool;

import java.util.Locale;

/**
 * Tells Akool's rate limit from refusals that do not depend on the rate ("too many requests" from a busy gateway, from
 * another client of the account, from noise), by what defines a limit: refusals at this rate that did not happen at
 * lower rates. Pure; fed by the {@link RatePolicy} with every answer and the rate its request was sent at.
 * <p>
 * Answers are counted by the rate they were sent at, in bands {@value #BAND_WIDTH}x wide (a band forgets half its
 * counts past {@value #BAND_MEMORY} answers, so that a limit that moves is followed). A refusal is the limit when:
 * <ul>
 * <li>half of the answers at its rate were refused;</li>
 * <li>the rates below were clean (under {@value #CLEAN_SHARE} refused, over {@value #KNOWN_ANSWERS} answers or more);</li>
 * <li>or its rate is refused clearly more often than the rates below, or than all rates together if that is lower
 * (after a limit dropped, every rate below may be above it): by {@value #DEVIATIONS} standard deviations of a sample
 * of that many answers, plus {@value #MARGIN}, over {@value #COMPARED_ANSWERS} answers at least.</li>
 * </ul>
 * With nothing known below (a cut has just brought the rate lower than ever), the rates above are the comparison:
 * refusals here clearly less frequent than there mean the cut helped, and are the limit; as frequent, noise; with too
 * few answers here yet to tell, the limit if the rates above were refused heavily ({@value #HEAVILY_REFUSED} or more,
 * {@value #HEAVY_REFUSALS} refusals at least), else noise. With nothing known at all, a refusal may be the limit ({@link Meaning#UNKNOWN}).
 */
final class RefusalEvidence {

    /** What a refusal says about the rate. */
    enum Meaning {
        /** Refused more often than at lower rates: Akool's limit. */
        LIMIT,
        /** Nothing known to compare with: maybe the limit. */
        UNKNOWN,
        /** Refused as often as at lower rates: noise. */
        NOISE
    }

    static final double BAND_WIDTH = 1.15;
    static final int BANDS = 80;
    static final int BAND_MEMORY = 400;
    static final int KNOWN_ANSWERS = 30;
    /**
     * Rates below refused less often than this are clean: a refusal above them is the limit. Refusals this rare at any
     * rate are not worth telling from a limit, and in flight across a cut a few strays reach the lower rates.
     */
    static final double CLEAN_SHARE = 0.02;
    static final int COMPARED_ANSWERS = 20;
    static final int LIMIT_ANSWERS = 6;
    static final double LIMIT_SHARE = 0.5;
    /** Rates above refused this often are a limit's, not noise's: a refusal below them is the limit, too few answers or not. */
    static final double HEAVILY_REFUSED = 0.25;
    /** Fewer refusals than this above are too few to call heavy, whatever their share (one of the first four, say). */
    static final int HEAVY_REFUSALS = 4;
    /** How many standard deviations of a sample's share apart two shares must be to differ, and a margin beyond. */
    static final double DEVIATIONS = 3;
    static final double MARGIN = 0.02;
    /** The lowest band: rates below 0.1 requests/s count there. */
    private static final double LOWEST_RATE = 0.1;

    private final int[] answers = new int[BANDS];
    private final int[] refusals = new int[BANDS];

    /** An answer to a request sent at this rate: refused as too frequent, or not. */
    void answered(double rate, boolean refused) {
        int band = band(rate);
        answers[band]++;
        if (refused) {
            refusals[band]++;
        }
        if (answers[band] > BAND_MEMORY) {
            answers[band] /= 2;
            refusals[band] /= 2;
        }
    }

    /** What a refusal at this rate (already {@link #answered}) means. */
    Meaning meaning(double rate) {
        int here = band(rate);
        double shareHere = refusals[here] / (double) Math.max(1, answers[here]);
        if (answers[here] >= LIMIT_ANSWERS && shareHere >= LIMIT_SHARE) {
            return Meaning.LIMIT;
        }
        Count below = count(0, here);
        if (below.answers() >= KNOWN_ANSWERS) {
            // noise does not depend on the rate: where the rates below are all above a limit, all rates together say more
            double reference = Math.min(below.share(), count(0, BANDS).share());
            return below.share() < CLEAN_SHARE || answers[here] >= COMPARED_ANSWERS
                    && shareHere > reference + spread(reference, answers[here]) ? Meaning.LIMIT : Meaning.NOISE;
        }
        Count above = count(here + 1, BANDS);
        if (above.refusals() > 0) {
            // a cut brought the rate here, and nothing is known below: refusals as frequent as above it are noise
            boolean limit = answers[here] >= COMPARED_ANSWERS
                    ? shareHere < above.share() - spread(above.share(), answers[here])
                    : above.refusals() >= HEAVY_REFUSALS && above.share() >= HEAVILY_REFUSED;
            return limit ? Meaning.LIMIT : Meaning.NOISE;
        }
        return Meaning.UNKNOWN;
    }

    /** The share of answers refused at rates below this one: what Akool refuses whatever the rate, if it is not the limit. */
    double shareBelow(double rate) {
        Count below = count(0, band(rate));
        return below.answers() < KNOWN_ANSWERS ? 0 : below.share();
    }

    /** The counts behind {@link #meaning}, for a log line. */
    String describe(double rate) {
        int here = band(rate);
        Count below = count(0, here);
        Count above = count(here + 1, BANDS);
        return String.format(Locale.ROOT, "refused %d of %d answers at this rate, %d of %d below it, %d of %d above",
                refusals[here], answers[here], below.refusals(), below.answers(), above.refusals(), above.answers());
    }

    /** How far a share measured on {@code answers} answers may stray from {@code share} by chance alone. */
    private static double spread(double share, long answers) {
        return DEVIATIONS * Math.sqrt(share * (1 - share) / answers) + MARGIN;
    }

    private Count count(int fromBand, int toBand) {
        long answered = 0;
        long refused = 0;
        for (int band = fromBand; band < toBand; band++) {
            answered += answers[band];
            refused += refusals[band];
        }
        return new Count(answered, refused);
    }

    private record Count(long answers, long refusals) {
        double share() {
            return refusals / (double) answers;
        }
    }

    private static int band(double rate) {
        int band = (int) Math.floor(Math.log(Math.max(rate, LOWEST_RATE) / LOWEST_RATE) / Math.log(BAND_WIDTH));
        return Math.min(BANDS - 1, Math.max(0, band));
    }
}
