package com.akoolnarrator.cli;

import java.util.Optional;

import org.slf4j.Marker;

import com.akoolnarrator.akool.AkoolException;
import com.akoolnarrator.input.InputFileException;
import com.akoolnarrator.job.ConsecutiveFailureGuard;
import com.akoolnarrator.ledger.LedgerUnavailableException;
import com.akoolnarrator.report.PublicationException;
import com.akoolnarrator.ledger.SpendingGate;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Spring Batch logs a failed step or job at ERROR, with its stack trace; for the failures the run's summary already
 * says in one plain line (Akool refused the account or the credit, too many rows failed in a row, the input file
 * went bad) that would be a stack trace for a user's or an account's problem, so those events alone are dropped.
 * Every other failure Batch reports is logged as Batch writes it: it is the job's to fix. While the job database is
 * failing, everything but the narrator's own lines is dropped: each try to write says what is wrong in one line.
 */
public class ExplainedFailureFilter extends TurboFilter {

    private static final String BATCH = "org.springframework.batch";

    private static final String OWN = "narrator";

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        Throwable thrown = t != null ? t
                : params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last ? last : null;
        if ((SpendingGate.ledgerFailing() || thrown != null && SpendingGate.outage(thrown).isPresent()) && level != null
                && level.isGreaterOrEqual(Level.WARN) && !logger.getName().equals(OWN)) {
            return FilterReply.DENY; // the job database is failing: the narrator logger says so, in one line a try
        }
        return thrown != null && logger.getName().startsWith(BATCH) && explained(thrown) ? FilterReply.DENY
                : FilterReply.NEUTRAL;
    }

    static boolean explained(Throwable failure) {
        return explanation(failure).isPresent();
    }

    /** The failure in a chain that a person can act on, said in plain words by its message. */
    static Optional<Throwable> explanation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof AkoolException.Fatal || t instanceof ConsecutiveFailureGuard.TooManyFailuresException
                    || t instanceof InputFileException || t instanceof LedgerUnavailableException
                    || t instanceof PublicationException) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
