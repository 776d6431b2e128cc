package com.akoolnarrator.job;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

import com.akoolnarrator.akool.AkoolConnection;
import com.akoolnarrator.akool.AkoolRequestThrottle;
import com.akoolnarrator.ledger.LearntRates;

/**
 * A run without a rate given starts from the rate the last run learnt at the same Akool address, and leaves what it
 * learnt for the next: a nightly run does not learn the account's rate again every night.
 */
class LearntRateListener implements JobExecutionListener {

    private static final Logger log = LoggerFactory.getLogger("narrator");

    private final AkoolRequestThrottle throttle;
    private final LearntRates learntRates;
    private final AkoolConnection akool;

    public LearntRateListener(AkoolRequestThrottle throttle, LearntRates learntRates, AkoolConnection akool) {
        this.throttle = throttle;
        this.learntRates = learntRates;
        this.akool = akool;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        if (throttle.isLearning() && !RunContext.isDryRun(execution.getJobParameters())) {
            learntRates.find(akool.baseUrl()).ifPresent(rate -> {
                log.info("Starting at {} requests/s, the rate Akool accepted in the last run", format(rate));
                throttle.resumeAt(rate);
            });
        }
    }

    @Override
    public void afterJob(JobExecution execution) {
        if (throttle.isLearning() && !RunContext.isDryRun(execution.getJobParameters())) {
            learntRates.save(akool.baseUrl(), throttle.settledRate());
        }
    }

    static String format(double rate) {
        return String.format(Locale.ROOT, "%.1f", rate);
    }
}
