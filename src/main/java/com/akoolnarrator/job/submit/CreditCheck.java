package com.akoolnarrator.job.submit;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.akoolnarrator.akool.AkoolClient;
import com.akoolnarrator.akool.CreditPrice;
import com.akoolnarrator.ledger.PendingWork;
import com.akoolnarrator.ledger.RunStatistics;

/**
 * Before a run submits anything, the account's balance against the estimate of what it will submit: when the balance
 * is short the run says so at once (about how many rows it covers) and goes on until Akool refuses, as a rerun after
 * a top-up continues. A balance that cannot be read is a warning, not a reason to stop.
 */
class CreditCheck {

    private static final Logger log = LoggerFactory.getLogger("narrator");

    private final AkoolClient akool;
    private final RunStatistics statistics;
    private final CreditPrice price;

    CreditCheck(AkoolClient akool, RunStatistics statistics, CreditPrice price) {
        this.akool = akool;
        this.statistics = statistics;
        this.price = price;
    }

    /** Reads the balance once and warns when the run's estimate is above it; the balance read, if Akool said. */
    Optional<Double> check(long runId) {
        List<PendingWork> pending = statistics.pendingWork(runId);
        long characters = pending.stream().mapToLong(PendingWork::characters).sum();
        long rows = pending.stream().mapToLong(PendingWork::rows).sum();
        if (characters == 0) {
            return Optional.empty();
        }
        Optional<Double> balance = CreditPrice.balance(akool);
        double estimate = price.estimate(characters);
        if (balance.isPresent() && estimate > balance.get()) {
            log.warn("The account's balance ({} credits) is below the estimate of what this run submits ({} credits for {}"
                    + " characters at {} per 1,000): it covers about {} of the {} rows to submit. The run goes on until"
                    + " Akool refuses; after a top-up, the same command continues.", format(balance.get()), format(estimate),
                    characters, price.perThousandCharacters(), price.covered(rows, balance.get(), characters), rows);
        }
        return balance;
    }

    private static String format(double credits) {
        return String.format(Locale.ROOT, "%.1f", credits);
    }
}
