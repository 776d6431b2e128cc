package com.akoolnarrator.ledger;

import java.io.IOException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * Nothing is sent to Akool that the ledger could not record. The first fact the ledger fails to write (the database
 * server gone, the disk full or read-only, the lock lost) closes the gate: no new create or clone is sent while the
 * write is tried again with backoff, one line a try saying what is wrong. When the database answers again the gate
 * opens and the run goes on; when it has not after the last try, the gate stays shut for the process, the facts not
 * written are in the {@link AcceptedJournal}, and the run ends with one line.
 */
public class SpendingGate implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger("narrator");
    /**
     * Whether the job database of this process is failing now (or was given up): then the framework's follow-on
     * failures, each with its stack trace, would bury the one line that says what is wrong.
     */
    private static final AtomicInteger failingGates = new AtomicInteger();

    private final int tries;
    private final Duration firstWait;
    private final Object lock = new Object();
    /** A fact could not be written and is being tried again: nothing is sent meanwhile. */
    private boolean closed;
    /** Why the gate gave up, for good; null while it has not. */
    private String shutReason;
    /** Whether this gate counts among the failing ones. */
    private boolean failing;

    SpendingGate(int tries, Duration firstWait) {
        this.tries = tries;
        this.firstWait = firstWait;
    }

    /** Whether the job database of this process is failing, or could not be written within the wait allowed. */
    public static boolean ledgerFailing() {
        return failingGates.get() > 0;
    }

    /** Before a request that costs money: waits while the ledger cannot write; throws once it has given up. */
    public void awaitOpen() {
        synchronized (lock) {
            while (closed && shutReason == null) {
                try {
                    lock.wait(firstWait.toMillis());
                }
                catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new LedgerUnavailableException("interrupted while waiting for the job database", e);
                }
            }
            if (shutReason != null) {
                throw new LedgerUnavailableException(shutReason, null);
            }
        }
    }

    /** Why the run ended without its job database, once the gate has given up; empty while it has not. */
    public Optional<String> shutReason() {
        synchronized (lock) {
            return Optional.ofNullable(shutReason);
        }
    }

    /**
     * Writes a fact, closing the gate while it cannot be written and trying again with backoff.
     *
     * @param afterGivingUp what is said when the last try failed (where the fact was kept instead)
     */
    <T> T write(Supplier<T> fact, Runnable onFirstFailure, String afterGivingUp) {
        RuntimeException failure;
        try {
            return fact.get();
        }
        catch (RuntimeException e) {
            failure = e;
        }
        onFirstFailure.run();
        String what = describe(failure);
        boolean leader = close(what);
        Duration wait = firstWait;
        for (int attempt = 1; attempt <= tries; attempt++) {
            if (leader) {
                log.warn("{}: no new request is sent to Akool; waiting for it ({}/{})", what, attempt, tries);
            }
            sleep(wait);
            wait = wait.multipliedBy(2);
            try {
                T written = fact.get();
                open(leader);
                return written;
            }
            catch (RuntimeException e) {
                failure = e;
                if (shutReason().isPresent()) {
                    break;
                }
            }
        }
        String reason = what + "; " + afterGivingUp;
        shut(reason);
        throw new LedgerUnavailableException(reason, failure);
    }

    private boolean close(String what) {
        synchronized (lock) {
            if (closed) {
                return false;
            }
            closed = true;
            countFailing(true);
            return true;
        }
    }

    private void open(boolean leader) {
        synchronized (lock) {
            if (closed && shutReason == null) {
                closed = false;
                countFailing(false);
                lock.notifyAll();
                if (leader) {
                    log.info("The job database answers again: the run goes on");
                }
            }
        }
    }

    private void shut(String reason) {
        synchronized (lock) {
            if (shutReason == null) {
                shutReason = reason;
                countFailing(true);
            }
            lock.notifyAll();
        }
    }

    /** The application closes: this gate's failure is no longer the process's. */
    @Override
    public void close() {
        synchronized (lock) {
            countFailing(false);
        }
    }

    private void countFailing(boolean now) {
        if (now != failing) {
            failing = now;
            failingGates.addAndGet(now ? 1 : -1);
        }
    }

    /** What is wrong, as a person says it. */
    static String describe(Throwable failure) {
        return outage(failure).orElseGet(() -> "the job database cannot be written ("
                + NestedExceptionUtils.getMostSpecificCause(failure).getMessage() + ")");
    }

    /**
     * The job database's outage a failure shows, as a person says it: a disk full or read-only, a server that does not
     * answer; empty for any other failure.
     */
    public static Optional<String> outage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (message.contains("no space left") || message.contains("disk full") || message.contains("not enough space")) {
                return Optional.of("the output disk is full: free space and run the same command again");
            }
            if (message.contains("read-only") || message.contains("read only")) {
                return Optional.of("the job database's disk is read-only");
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof ConnectException
                    || t instanceof SQLTransientConnectionException || t instanceof IOException
                    || t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")
                    || notAnswering(String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT))) {
                return Optional.of("the job database is not answering");
            }
        }
        return Optional.empty();
    }

    private static boolean notAnswering(String message) {
        return message.contains("database has been closed") || message.contains("connection is closed")
                || message.contains("i/o error") || message.contains("connection refused")
                || message.contains("connection is not available") || message.contains("terminating connection")
                || message.contains("connection attempt failed");
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
