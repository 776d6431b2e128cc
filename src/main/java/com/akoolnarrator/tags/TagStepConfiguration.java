package com.akoolnarrator.tags;

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

import com.akoolnarrator.job.RowByRowSteps;
import com.akoolnarrator.job.AsDownloaded;
import com.akoolnarrator.job.FollowingPages;
import com.akoolnarrator.job.RunContexts;
import com.akoolnarrator.ledger.LedgerStore;

/**
 * The tag step: every MP3 of the run that does not carry the tags its row asks for is tagged, a page side by side, and
 * the page recorded in one batch. Runs after the review, so that a take the audio check rejected is never marked as
 * holding its narration, and on every execution, so that a crash before it is made good by the next run.
 */
@Configuration(proxyBeanMethods = false)
class TagStepConfiguration {

    /** Files tagged side by side, and recorded together: each is a file of its own. */
    private static final int PAGE = 500;

    @Bean
    FileTags fileTags(LedgerStore ledger) {
        return new FileTags(ledger);
    }

    @Bean
    Step tagStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, UntaggedFiles untaggedFiles,
            FileTagger fileTagger, @Qualifier("taggingThreads") ThreadPoolTaskExecutor taggingThreads, FileTags fileTags) {
        return tagging(new StepBuilder("tag", jobRepository), PAGE, transactionManager, untaggedFiles, fileTagger,
                taggingThreads, fileTags);
    }

    /** The tag step for a bucket's files as they are downloaded, side by side with the collect step ({@link AsDownloaded}). */
    @Bean
    Step tagEarlyStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            ItemReader<FileTags.Untagged> downloadedUntagged, FileTagger fileTagger,
            @Qualifier("taggingThreads") ThreadPoolTaskExecutor taggingThreads, FileTags fileTags) {
        // a chunk a file per thread: it is written when full, and files come as they are downloaded
        return tagging(new StepBuilder(AsDownloaded.TAG_STEP, jobRepository), taggingThreads.getMaxPoolSize(),
                transactionManager, downloadedUntagged, fileTagger, taggingThreads, fileTags);
    }

    private static Step tagging(StepBuilder step, int chunk, PlatformTransactionManager transactionManager,
            ItemReader<FileTags.Untagged> files, FileTagger fileTagger, ThreadPoolTaskExecutor taggingThreads,
            FileTags fileTags) {
        return step.<FileTags.Untagged, FileTags.Tagged>chunk(chunk)
            .transactionManager(transactionManager)
            .reader(files)
            .processor(fileTagger)
            .writer(tagged -> fileTags.recordTagged(tagged.getItems()))
            .taskExecutor(taggingThreads)
            .listener(fileTagger)
            .allowStartIfComplete(true)
            .build();
    }

    @Bean
    @StepScope
    FollowingPages<FileTags.Untagged> downloadedUntagged(FileTags fileTags, RunContexts runs, JobRepository jobRepository,
            @Value("#{stepExecution}") StepExecution step) {
        long runId = step.getJobExecution().getJobInstance().getInstanceId();
        return AsDownloaded.reader(runs, jobRepository, step, AsDownloaded.COLLECT_STEP,
                (afterLine, limit) -> fileTags.untagged(runId, afterLine, limit), FileTags.Untagged::line,
                FileTags.Untagged::key, PAGE);
    }

    @Bean
    @StepScope
    UntaggedFiles untaggedFiles(FileTags fileTags,
            @Value("#{stepExecution.jobExecution.jobInstance.instanceId}") long runId) {
        return new UntaggedFiles(fileTags, runId, PAGE);
    }

    @Bean
    @StepScope
    FileTagger fileTagger(FileTags fileTags, RunContexts runs, @Value("#{stepExecution}") StepExecution step) {
        return new FileTagger(fileTags, runs.of(step).outputFolder());
    }

    /** As many as the machine has processors: tagging is reading and writing files, and hashing them. */
    @Bean
    ThreadPoolTaskExecutor taggingThreads() {
        return RowByRowSteps.pool("tag-", Runtime.getRuntime().availableProcessors());
    }
}
