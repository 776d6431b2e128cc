package com.akoolnarrator.job;

import org.springframework.batch.core.step.builder.ChunkOrientedStepBuilder;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * What submit and collect share: rows processed concurrently, transient faults retried with backoff, a row that cannot
 * succeed skipped and recorded as FAILED, a stop honoured at the next chunk, and the step run again on every restart
 * (its work list is the ledger's, not a saved position).
 */
public final class RowByRowSteps {

    private final PlatformTransactionManager transactionManager;
    private final RetryPolicy retryPolicy;
    private final RowFailures rowFailures;
    private final RunContexts runs;

    RowByRowSteps(PlatformTransactionManager transactionManager, RetryPolicy retryPolicy, RowFailures rowFailures,
            RunContexts runs) {
        this.transactionManager = transactionManager;
        this.retryPolicy = retryPolicy;
        this.rowFailures = rowFailures;
        this.runs = runs;
    }

    /** @param threads the step's pool, a bean of its own (so that it is shut down with the application) */
    public <I, O> ChunkOrientedStepBuilder<I, O> configure(ChunkOrientedStepBuilder<I, O> step,
            AsyncTaskExecutor threads) {
        return step.transactionManager(transactionManager)
            .interruptionPolicy(runs)
            .faultTolerant()
            .retryPolicy(retryPolicy)
            .skipPolicy(rowFailures)
            .skipListener(rowFailures)
            .taskExecutor(threads)
            .allowStartIfComplete(true);
    }

    /**
     * A step's pool of {@code threads} (submit, download, tag), named by {@code prefix}: a bean, initialised and shut
     * down by the context.
     */
    public static ThreadPoolTaskExecutor pool(String prefix, int threads) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix(prefix);
        executor.setCorePoolSize(Math.max(1, threads));
        executor.setMaxPoolSize(Math.max(1, threads));
        executor.setDaemon(true);
        return executor;
    }
}
