package com.akoolnarrator.job.validate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import com.akoolnarrator.bucket.Buckets;
import com.akoolnarrator.job.RunContext;
import com.akoolnarrator.job.RunContexts;
import com.akoolnarrator.ledger.LedgerStore;
import com.akoolnarrator.settings.NarratorProperties;
import com.akoolnarrator.tags.NarratedFiles;

/** The validate step: every CSV row checked and recorded in the ledger, valid or INVALID with its reason. */
@Configuration(proxyBeanMethods = false)
class ValidateStepConfiguration {

    private static final Logger log = LoggerFactory.getLogger("narrator");

    @Bean
    Step validateStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, NarratorProperties settings,
            CsvRowReader inputRowReader, RowValidator rowValidator, RunRowWriter ledgerRowWriter, RunContexts runs) {
        // the rows and the reader's position commit together (without a transaction manager Batch 6 uses none)
        return new StepBuilder("validate", jobRepository)
            .<InputRecord, ValidatedRow>chunk(Math.max(100, settings.chunkSize() * 10))
            .transactionManager(transactionManager)
            .interruptionPolicy(runs)
            .listener(new StepExecutionListener() {
                @Override
                public void beforeStep(StepExecution stepExecution) {
                    // the account's voices, before any row: a refused key or account stops the run here, at no cost
                    runs.state(stepExecution).knownVoices().ids();
                }
            })
            .reader(inputRowReader)
            .processor(rowValidator)
            .writer(ledgerRowWriter)
            .listener((StepExecutionListener) ledgerRowWriter)
            .build();
    }

    @Bean
    @StepScope
    CsvRowReader inputRowReader(RunContexts runs, @Value("#{stepExecution}") StepExecution step) {
        return new CsvRowReader(runs.of(step).input());
    }

    @Bean
    @StepScope
    RowValidator rowValidator(RunContexts runs, @Value("#{stepExecution}") StepExecution step, NarratorProperties settings) {
        RunContext run = runs.of(step);
        NarratorProperties.Tags tags = settings.tags();
        TagColumns tagColumns = new TagColumns(run.input().header(), tags.title(), tags.album(), tags.artist(),
                tags.track(), tags.comment());
        // made once per step execution, as the step starts reading: each missing column is said once
        tagColumns.missingColumns().forEach(log::warn);
        return new RowValidator(run.input().header(), settings.defaultRate(), settings.maxWords(),
                settings.maxCharacters(), runs.state(step).knownVoices(), run.lexicon(), tagColumns);
    }

    @Bean
    @StepScope
    RunRowWriter ledgerRowWriter(LedgerStore ledger, RunContexts runs, @Value("#{stepExecution}") StepExecution step,
            NarratorProperties settings, Buckets buckets) {
        RunContext run = runs.of(step);
        NarratedFiles outputShows = run.bucket() == null ? NarratedFiles.inFolder(run.outputFolder())
                : buckets.narratedFiles(run.bucket(), run.outputFolder());
        return new RunRowWriter(new RowRecorder(ledger), run,
                new ReusePolicy(settings.resultRetention(), settings.resendUnconfirmed()), outputShows);
    }
}
