package com.akoolnarrator.bucket;

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

import com.akoolnarrator.audio.AudioProperties;
import com.akoolnarrator.job.AsDownloaded;
import com.akoolnarrator.job.FollowingPages;
import com.akoolnarrator.job.LinePages;
import com.akoolnarrator.job.RowByRowSteps;
import com.akoolnarrator.job.RunContext;
import com.akoolnarrator.job.RunContexts;
import com.akoolnarrator.ledger.LedgerStore;
import com.akoolnarrator.settings.NarratorProperties;

/**
 * The store step, after the captions and before the results: into a bucket, every MP3 of the run (with its captions)
 * that the bucket does not hold as the ledger has it is stored there and leaves the state folder. Into a folder it
 * finds nothing to do. Runs on every execution: a rerun stores what an earlier one could not.
 */
@Configuration(proxyBeanMethods = false)
class StoreStepConfiguration {

    private static final int PAGE = 100;

    @Bean
    Step storeStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            ItemReader<ToStore> unstoredFiles, FileStorer fileStorer, LedgerStore ledger,
            @Qualifier("storeThreads") ThreadPoolTaskExecutor storeThreads) {
        return stored(new StepBuilder("store", jobRepository), PAGE, transactionManager, unstoredFiles, fileStorer, ledger,
                storeThreads);
    }

    private static Step stored(StepBuilder step, int chunk, PlatformTransactionManager transactionManager,
            ItemReader<ToStore> files, FileStorer fileStorer, LedgerStore ledger, ThreadPoolTaskExecutor storeThreads) {
        return step.<ToStore, FileStorer.Outcome>chunk(chunk)
            .transactionManager(transactionManager)
            .reader(files)
            .processor(fileStorer)
            .writer(outcomes -> ledger.batchUpdates().batchUpdate(StoreSql.STORED, outcomes.getItems().stream()
                .map(outcome -> new Object[] { outcome.stored(), outcome.error(), ledger.now(), outcome.key() }).toList()))
            .taskExecutor(storeThreads) // uploads side by side: each waits on the network, not on this machine
            .listener(fileStorer)
            .allowStartIfComplete(true)
            .build();
    }

    /** The store step for a bucket's files as they are downloaded, tagged and captioned, beside the collect step. */
    @Bean
    Step storeEarlyStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            ItemReader<ToStore> readyFiles, FileStorer fileStorer, LedgerStore ledger,
            @Qualifier("storeThreads") ThreadPoolTaskExecutor storeThreads) {
        // a chunk a file per thread: it is written when full, and files come as they are downloaded
        return stored(new StepBuilder("store-early", jobRepository), storeThreads.getMaxPoolSize(), transactionManager,
                readyFiles, fileStorer, ledger, storeThreads);
    }

    /**
     * The rows ready to be stored as they become so; none with {@code narrator.audio.flagged-rows=fail}, where the
     * review after the downloads may still fail a row (its file is then stored by no one).
     */
    @Bean
    @StepScope
    FollowingPages<ToStore> readyFiles(LedgerStore ledger, RunContexts runs, JobRepository jobRepository,
            NarratorProperties settings, AudioProperties audio, @Value("#{stepExecution}") StepExecution step) {
        if (audio.flaggedRows() == AudioProperties.FlaggedRows.FAIL) {
            return FollowingPages.none();
        }
        boolean captioned = !settings.captions().isEmpty();
        return AsDownloaded.reader(runs, jobRepository, step, AsDownloaded.CAPTIONS_STEP,
                UnstoredFiles.pages(ledger.jdbc(), runs.of(step).runId(), limit -> StoreSql.ready(limit, captioned)),
                ToStore::line, ToStore::key, PAGE);
    }

    @Bean
    @StepScope
    LinePages<ToStore> unstoredFiles(LedgerStore ledger, RunContexts runs, @Value("#{stepExecution}") StepExecution step) {
        RunContext run = runs.of(step);
        return run.bucket() == null ? LinePages.none() : new UnstoredFiles(ledger.jdbc(), run.runId(), PAGE);
    }

    @Bean
    @StepScope
    FileStorer fileStorer(Buckets buckets, RunContexts runs, @Value("#{stepExecution}") StepExecution step) {
        RunContext run = runs.of(step);
        return new FileStorer(run.bucket() == null ? null : buckets.of(run.bucket()), run.outputFolder());
    }

    @Bean
    ThreadPoolTaskExecutor storeThreads(NarratorProperties settings) {
        return RowByRowSteps.pool("store-", settings.downloadThreads());
    }
}
