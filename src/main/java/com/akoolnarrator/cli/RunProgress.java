package com.akoolnarrator.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

import com.akoolnarrator.akool.AkoolRequestThrottle;
import com.akoolnarrator.job.Durations;
import com.akoolnarrator.ledger.RunCounts;
import com.akoolnarrator.ledger.RunStatistics;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows a run's progress from the ledger while it runs: on a terminal, a live progress bar (rows done of all rows,
 * with submitted, downloaded and failed counts, rate and ETA); without one (cron, CI, a pipe), a plain log line every
 * {@code narrator.progress-interval}, never control characters. Counting is a query over all the run's rows, so for
 * a very large file the ticks space out until counting takes at most a tenth of one processor.
 */
class RunProgress implements JobExecutionListener {

    private static final Logger log = LoggerFactory.getLogger("narrator");

    /** The time between ticks is at least this many times the processor time the last count took. */
    private static final int QUIET_FACTOR = 10;
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    private final RunStatistics statistics;
    private final AkoolRequestThrottle throttle;
    private final Duration interval;
    private final boolean terminal;
    private ScheduledExecutorService ticker;
    private ProgressBar bar;
    private long lastTickNanos;
    private long lastDone = -1;
    private double rowsPerSecond = -1;
    private final java.util.concurrent.atomic.AtomicLong peakHeapBytes = new java.util.concurrent.atomic.AtomicLong();

    public RunProgress(RunStatistics statistics, AkoolRequestThrottle throttle, Duration interval, boolean terminal) {
        this.statistics = statistics;
        this.throttle = throttle;
        this.interval = interval;
        this.terminal = terminal;
    }

    @Override
    public synchronized void beforeJob(JobExecution execution) {
        long runId = execution.getJobInstance().getInstanceId();
        lastTickNanos = System.nanoTime();
        lastDone = -1;
        rowsPerSecond = -1;
        peakHeapBytes.set(0);
        ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "progress");
            thread.setDaemon(true);
            return thread;
        });
        scheduleTick(ticker, runId, period());
    }

    private Duration period() {
        return terminal ? Duration.ofMillis(500) : interval;
    }

    private void scheduleTick(ScheduledExecutorService executor, long runId, Duration delay) {
        try {
            executor.schedule(() -> {
                long started = CPU.getCurrentThreadCpuTime();
                tick(runId);
                Duration quiet = Duration.ofNanos(CPU.getCurrentThreadCpuTime() - started).multipliedBy(QUIET_FACTOR);
                scheduleTick(executor, runId, quiet.compareTo(period()) > 0 ? quiet : period());
            }, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (RejectedExecutionException e) {
            // the run has ended, and its ticker with it
        }
    }

    @Override
    public synchronized void afterJob(JobExecution execution) {
        if (ticker != null) {
            ticker.shutdownNow();
            ticker = null;
        }
        sampleHeap();
        if (bar != null) {
            tick(execution.getJobInstance().getInstanceId());
            bar.close();
            bar = null;
        }
    }

    /** The pause Akool asked for, while it lasts: for the bar and the log line alike. */
    private String pauseNote() {
        long left = throttle.pausedFor().toSeconds();
        return left > 0 ? "; paused as Akool asked, " + left + " s left" : "";
    }

    /** The most heap in use seen at a progress tick (every interval, and at the end of the run). */
    public long peakHeapMegabytes() {
        return peakHeapBytes.get() / (1024 * 1024);
    }

    private void sampleHeap() {
        long used = java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        peakHeapBytes.accumulateAndGet(used, Math::max);
    }

    private synchronized void tick(long runId) {
        sampleHeap();
        try {
            RunCounts counts = statistics.counts(runId);
            long total = counts.total();
            if (total == 0) {
                return;
            }
            long done = counts.done();
            long now = System.nanoTime();
            if (lastDone >= 0) {
                // smoothed over the last few ticks: the start of a run (validation, the first jobs) says little
                double recent = (done - lastDone) / Math.max((now - lastTickNanos) / 1e9, 0.001);
                rowsPerSecond = rowsPerSecond < 0 ? recent : 0.3 * recent + 0.7 * rowsPerSecond;
            }
            lastDone = done;
            lastTickNanos = now;
            String line = String.format(Locale.ROOT, "%d downloaded, %d at Akool, %d to submit, %d failed, %d invalid",
                    counts.downloaded(), counts.atAkool(), counts.pending(), counts.failed(), counts.invalid());
            if (terminal) {
                if (bar == null) {
                    bar = new ProgressBarBuilder().setTaskName("Narrating").setInitialMax(total)
                        .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK).setUnit(" rows", 1).showSpeed().build();
                }
                bar.maxHint(total);
                bar.stepTo(done);
                bar.setExtraMessage(line + pauseNote());
                return;
            }
            double rate = Math.max(rowsPerSecond, 0);
            String eta = rate > 0 && done < total ? ", about " + Durations.words(Duration.ofSeconds((long) ((total - done) / rate))) + " left" : "";
            double budget = throttle.currentRate();
            log.info("Progress: {}/{} rows done ({}); {} rows/s{}; budget {}{}", done, total, line,
                    String.format(Locale.ROOT, "%.1f", rate), eta,
                    budget >= 100_000 ? "unlimited" : String.format(Locale.ROOT, "%.1f requests/s", budget), pauseNote());
        }
        catch (RuntimeException e) {
            log.debug("progress unavailable: {}", e.getMessage());
        }
    }
}
