package com.akoolnarrator.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.akoolnarrator.akool.AkoolClient;
import com.akoolnarrator.akool.AkoolConnection;
import com.akoolnarrator.akool.AkoolProperties;
import com.akoolnarrator.akool.AkoolRequestThrottle;
import com.akoolnarrator.akool.CreditPrice;
import com.akoolnarrator.akool.VoicesCommand;
import com.akoolnarrator.audio.AudioInspector;
import com.akoolnarrator.bucket.Buckets;
import com.akoolnarrator.database.FolderLock;
import com.akoolnarrator.database.JobDatabase;
import com.akoolnarrator.job.NarrationLauncher;
import com.akoolnarrator.ledger.RunRegistry;
import com.akoolnarrator.ledger.RunStatistics;
import com.akoolnarrator.review.ReviewCommand;
import com.akoolnarrator.review.Verdicts;
import com.akoolnarrator.settings.NarratorProperties;
import com.akoolnarrator.storage.FolderHolder;
import com.akoolnarrator.webhook.WebhookProperties;
import com.akoolnarrator.webhook.WebhookReceiver;

/** What faces the user: the commands, their runner, the summary and the progress display. */
@Configuration(proxyBeanMethods = false)
class CommandConfiguration {

    @Bean
    NarrationCommand narrationCommand(NarrationLauncher launcher, RunStatistics statistics, RunRegistry registry,
            AkoolConnection akoolConnection, RunProgress runProgress, NarratorProperties settings,
            AkoolRequestThrottle throttle, Clock clock, AkoolClient akoolClient, FolderLock folderLock,
            AudioInspector audioInspector, Verdicts verdicts, Buckets buckets) {
        return new NarrationCommand(launcher, new RunSummary(statistics, registry, throttle,
                new CreditPrice(settings.creditsPerThousandCharacters()), akoolClient, verdicts), akoolConnection, runProgress,
                clock, folderLock, audioInspector, buckets);
    }

    @Bean
    RunProgress runProgress(RunStatistics statistics, AkoolRequestThrottle throttle, NarratorProperties settings) {
        return new RunProgress(statistics, throttle, settings.progressInterval(), System.console() != null);
    }

    /** Present when the command line started the application (tests call the commands themselves). */
    @Bean
    @ConditionalOnBean(Command.class)
    CommandRunner commandRunner(Command command, ObjectProvider<NarrationCommand> narrationCommand,
            ObjectProvider<AkoolClient> akoolClient, ObjectProvider<AkoolConnection> akoolConnection,
            NarratorProperties settings, ObjectProvider<JobRepository> jobRepository,
            ObjectProvider<RunStatistics> statistics, Clock clock, ObjectProvider<WebhookReceiver> webhookReceiver,
            WebhookProperties webhook, DataSourceProperties dataSource, ObjectProvider<ReviewCommand> reviewCommand, ObjectProvider<Verdicts> verdicts) {
        return new CommandRunner(command, narrationCommand::getObject, () -> new VoicesCommand(akoolClient.getObject()),
                () -> new StatusCommand(jobRepository.getObject(), statistics.getObject(), verdicts.getObject(), clock),
                reviewCommand::getObject,
                akoolConnection::getObject, settings, webhookReceiver::getObject, webhook,
                JobDatabase.isOnServer(dataSource.getUrl()));
    }

    /**
     * The job database each command needs: a run the folder's (or the configured server's), unless it cannot start
     * (no input file, no credentials: it says why and stores nothing); {@code status} the folder's when there is one
     * to read and no run at work in it holds it; {@code voices} none.
     */
    @Bean
    @ConditionalOnBean(Command.class)
    JobDatabase jobDatabase(Command command, NarratorProperties settings, ObjectProvider<AkoolConnection> akool,
            DataSourceProperties dataSource, WebhookProperties webhook, AkoolProperties akoolSettings) {
        boolean server = dataSource.getUrl() != null && !dataSource.getUrl().isBlank();
        if (command instanceof Command.Run given) {
            Command.Run run = given.over(settings);
            if (webhook.isOn() && akool.getObject().credentials().isPresent()) {
                // callbacks that cannot work are a setting error, before the output folder is created
                webhook.check(akoolSettings, akool.getObject().credentials(),
                        JobDatabase.isOnServer(dataSource.getUrl()));
            }
            boolean canStart = run.input() != null && Files.isReadable(run.input()) && !Files.isDirectory(run.input())
                    && akool.getObject().credentials().isPresent(); // a pipe is an input too
            return canStart ? JobDatabase.of(run.output(settings).folder()) : JobDatabase.none();
        }
        if (command instanceof Command.ReceiveCallbacks) {
            return JobDatabase.isOnServer(dataSource.getUrl()) ? JobDatabase.of(settings.output().folder()) : JobDatabase.none();
        }
        if (command instanceof Command.Review review) {
            Path folder = review.output(settings).folder();
            boolean there = server || JobDatabase.exists(folder) && FolderHolder.of(folder.toAbsolutePath()).isEmpty();
            return there ? JobDatabase.of(folder) : JobDatabase.none();
        }
        if (command instanceof Command.Status status) {
            Path folder = status.outputDir(settings);
            boolean readable = server || JobDatabase.exists(folder) && FolderHolder.of(folder.toAbsolutePath()).isEmpty();
            return readable ? JobDatabase.reading(folder) : JobDatabase.none();
        }
        return JobDatabase.none();
    }
}
