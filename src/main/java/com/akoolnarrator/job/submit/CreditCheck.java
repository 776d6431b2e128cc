package com.akoolnarrator.job.submit;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.akoolnarrator.akool.AkoolClient;
import com.akoolnarrator.akool.AkoolException;
import com.akoolnarrator.ledger.PendingWork;
import com.akoolnarrator.ledger.RunStatistics;

/**
 * Before a run submits anything, the account's balance against the estimate of what it will submit: when the balance
 * is short the run says so at once (about how many rows it covers) and goes on until Akool refuses, as a rerun after
 * a top-up continues. A balance that cannot be read is a warning, not a reason to stop.
 */
public class CreditCheck {

    private static final Logger log = LoggerFactory.getLogger("narrator");

    private final AkoolClient akool;
    private final RunStatistics statistics;
    private final double creditsPerThousandCharacters;
    private volatile Double balanceBefore;

    public CreditCheck(AkoolClient akool, RunStatistics statistics, double creditsPerThousandCharacters) {
        this.akool = akool;
        this.statistics = statistics;
        this.creditsPerThousandCharacters = creditsPerThousandCharacters;
    }

    /** A new run: nothing read yet. */
    public void reset() {
        balanceBefore = null;
    }

    /** The balance read before this run submitted anything, when it could be read. */
    public Optional<Double> balanceBefore() {
        return Optional.ofNullable(balanceBefore);
    }

    /** The balance now, or empty (with a warning saying why) when Akool does not say. */
    public Optional<Double> balance() {
        try {
            return Optional.of(akool.credit());
        }
        catch (AkoolException e) {
            log.warn("Could not read the account's credit balance ({}); going on without it", e.getMessage());
            return Optional.empty();
        }
    }

    public double estimate(long characters) {
        return characters * creditsPerThousandCharacters / 1000;
    }

    /** Reads the balance once and warns when the run's estimate is above it. */
    public void check(long runId) {
        List<PendingWork> pending = statistics.pendingWork(runId);
        long characters = pending.stream().mapToLong(PendingWork::characters).sum();
        long rows = pending.stream().mapToLong(PendingWork::rows).sum();
        if (characters == 0) {
            return;
        }
        Optional<Double> balance = balance();
        balance.ifPresent(credit -> balanceBefore = credit);
        double estimate = estimate(characters);
        if (balance.isPresent() && estimate > balance.get()) {
            log.warn("The account's balance ({} credits) is below the estimate of what this run submits ({} credits for {}"
                    + " characters at {} per 1,000): it covers about {} of the {} rows to submit. The run goes on until"
                    + " Akool refuses; after a top-up, the same command continues.", format(balance.get()), format(estimate),
                    characters, creditsPerThousandCharacters, covered(rows, balance.get(), estimate), rows);
        }
    }

    /** About how many of {@code rows} a balance pays for, when all of them cost {@code estimate}. */
    public static long covered(long rows, double balance, double estimate) {
        return estimate <= 0 ? rows : Math.min(rows, (long) Math.floor(rows * balance / estimate));
    }

    static String format(double credits) {
        return String.format(Locale.ROOT, "%.1f", credits);
    }
}
