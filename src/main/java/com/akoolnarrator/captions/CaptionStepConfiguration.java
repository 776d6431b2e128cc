package com.akoolnarrator.captions;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemReader;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

import com.akoolnarrator.input.InputColumn;
import com.akoolnarrator.job.AsDownloaded;
import com.akoolnarrator.job.FollowingPages;
import com.akoolnarrator.job.RunContext;
import com.akoolnarrator.job.RunContexts;
import com.akoolnarrator.ledger.LedgerStore;
import com.akoolnarrator.settings.NarratorProperties;

/**
 * The captions step, after the tag step and before the results: every MP3 of the run has its caption files
 * ({@code narrator.captions}) as its text and audio call for, written when missing or made from something else. Runs
 * on every execution: a rerun writes what is missing without asking Akool for anything.
 */
@Configuration(proxyBeanMethods = false)
class CaptionStepConfiguration {

    private static final int PAGE = 500;

    @Bean
    Step captionStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            DownloadedFiles downloadedFiles, CaptionMaker captionMaker, LedgerStore ledger,
            @Qualifier("taggingThreads") ThreadPoolTaskExecutor fileThreads) {
        return captioning(new StepBuilder("captions", jobRepository), PAGE, transactionManager, downloadedFiles,
                captionMaker, ledger, fileThreads);
    }

    /** The captions step for a bucket's files as they are downloaded and tagged, beside the collect step. */
    @Bean
    Step captionEarlyStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            ItemReader<ToCaption> taggedUncaptioned, CaptionMaker captionMaker, LedgerStore ledger,
            @Qualifier("taggingThreads") ThreadPoolTaskExecutor fileThreads) {
        // a chunk a file per thread: it is written when full, and files come one by one
        return captioning(new StepBuilder(AsDownloaded.CAPTIONS_STEP, jobRepository), fileThreads.getMaxPoolSize(),
                transactionManager, taggedUncaptioned, captionMaker, ledger, fileThreads);
    }

    private static Step captioning(StepBuilder step, int chunk, PlatformTransactionManager transactionManager,
            ItemReader<ToCaption> files, CaptionMaker captionMaker, LedgerStore ledger, ThreadPoolTaskExecutor fileThreads) {
        return step.<ToCaption, Captioned>chunk(chunk)
            .transactionManager(transactionManager)
            .reader(files)
            .processor(captionMaker)
            .writer(new CaptionsWritten(ledger))
            .taskExecutor(fileThreads) // files side by side, on the tag step's threads: one file each
            .listener(captionMaker)
            .allowStartIfComplete(true)
            .build();
    }

    @Bean
    @StepScope
    FollowingPages<ToCaption> taggedUncaptioned(LedgerStore ledger, RunContexts runs, JobRepository jobRepository,
            @Value("#{stepExecution}") StepExecution step) {
        long runId = step.getJobExecution().getJobInstance().getInstanceId();
        return AsDownloaded.reader(runs, jobRepository, step, AsDownloaded.TAG_STEP,
                DownloadedFiles.pages(ledger.jdbc(), runId, CaptionSql::taggedUncaptioned), ToCaption::line,
                ToCaption::key, PAGE);
    }

    @Bean
    @StepScope
    DownloadedFiles downloadedFiles(LedgerStore ledger,
            @Value("#{stepExecution.jobExecution.jobInstance.instanceId}") long runId) {
        return new DownloadedFiles(ledger.jdbc(), runId, PAGE);
    }

    @Bean
    @StepScope
    CaptionMaker captionMaker(RunContexts runs, NarratorProperties settings, @Value("#{stepExecution}") StepExecution step) {
        RunContext run = runs.of(step);
        return new CaptionMaker(run.outputFolder(), run.input().header().columns().get(InputColumn.TEXT), settings.captions());
    }
}
