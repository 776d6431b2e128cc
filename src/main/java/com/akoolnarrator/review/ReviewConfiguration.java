package com.akoolnarrator.review;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.akoolnarrator.audio.AudioCheck;
import com.akoolnarrator.ledger.LedgerStore;
import com.akoolnarrator.ledger.RunStatistics;

/** The review's parts: the command, and what runs and status say of decisions. */
@Configuration(proxyBeanMethods = false)
class ReviewConfiguration {

    @Bean
    ReviewCommand reviewCommand(LedgerStore ledger, RunStatistics statistics, AudioCheck audioCheck) {
        return new ReviewCommand(ledger, statistics, audioCheck);
    }

    @Bean
    Verdicts verdicts(LedgerStore ledger) {
        return new Verdicts(ledger);
    }
}
