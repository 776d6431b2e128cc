package com.akoolnarrator.settings;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.util.unit.DataSize;

import static com.akoolnarrator.settings.SettingCheck.atLeast;
import static com.akoolnarrator.settings.SettingCheck.between;
import static com.akoolnarrator.settings.SettingCheck.notBelow;
import static com.akoolnarrator.settings.SettingCheck.percentage;
import static com.akoolnarrator.settings.SettingCheck.positive;
import static com.akoolnarrator.settings.SettingCheck.present;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The job's settings ({@code narrator.*}); every one is documented in docs/settings.md and can come from a job file, the
 * command line or the environment.
 */
@ConfigurationProperties("narrator")
public record NarratorProperties(
        Path input,
        @DefaultValue("out") String outputDir,
        Path stateDir,
        @DefaultValue("100%") String defaultRate,
        @DefaultValue("5000") int maxWords,
        @DefaultValue("50000") int maxCharacters,
        @DefaultValue("50") int chunkSize,
        @DefaultValue("8") int submitThreads,
        @DefaultValue("8") int pollThreads,
        @DefaultValue("4") int downloadThreads,
        @DefaultValue("500ms") Duration pollMinInterval,
        @DefaultValue("15s") Duration pollMaxInterval,
        @DefaultValue("20") int maxConsecutiveFailures,
        @DefaultValue("209715200") long downloadMaxBytes,
        @DefaultValue("64MB") DataSize minFreeDisk,
        @DefaultValue("true") boolean neutraliseFormulas,
        @DefaultValue("7d") Duration resultRetention,
        @DefaultValue("10s") Duration progressInterval,
        @DefaultValue("1h") Duration akoolJobTimeout,
        @DefaultValue("false") boolean resendUnconfirmed,
        @DefaultValue("4.4") double creditsPerThousandCharacters,
        @DefaultValue("false") boolean dryRun,
        @DefaultValue("15s") Duration stopTimeout,
        Path lexicon,
        @DefaultValue("vtt") List<String> captions,
        @DefaultValue Tags tags,
        @DefaultValue Database database,
        @DefaultValue S3 s3) {

    private static final int MANY = 100_000;

    public NarratorProperties {
        OutputLocation.of("narrator.output-dir", outputDir, stateDir);
        defaultRate = percentage("narrator.default-rate", defaultRate);
        between("narrator.max-words", maxWords, 1, MANY);
        between("narrator.max-characters", maxCharacters, 1, 10_000_000);
        between("narrator.chunk-size", chunkSize, 1, MANY);
        between("narrator.submit-threads", submitThreads, 1, 1000);
        between("narrator.poll-threads", pollThreads, 1, 1000);
        between("narrator.download-threads", downloadThreads, 1, 1000);
        positive("narrator.poll-min-interval", pollMinInterval);
        positive("narrator.poll-max-interval", pollMaxInterval);
        notBelow("narrator.poll-max-interval", pollMaxInterval, "narrator.poll-min-interval", pollMinInterval);
        between("narrator.max-consecutive-failures", maxConsecutiveFailures, 0, Integer.MAX_VALUE);
        atLeast("narrator.download-max-bytes", downloadMaxBytes, 1);
        present("narrator.min-free-disk", minFreeDisk);
        atLeast("narrator.min-free-disk", minFreeDisk.toBytes(), 0);
        positive("narrator.result-retention", resultRetention);
        positive("narrator.progress-interval", progressInterval);
        positive("narrator.akool-job-timeout", akoolJobTimeout);
        atLeast("narrator.credits-per-thousand-characters", creditsPerThousandCharacters, 0);
        positive("narrator.stop-timeout", stopTimeout);
        captions = captionFormats(captions);
    }

    /** Where the output goes: {@code narrator.output-dir}, a folder or {@code s3://BUCKET/PREFIX}. */
    public OutputLocation output() {
        return OutputLocation.of("narrator.output-dir", outputDir, stateDir);
    }

    /** {@code vtt}, {@code srt}, both (in that order), or none: the caption files beside each MP3. */
    private static List<String> captionFormats(List<String> given) {
        List<String> formats = given.stream().map(format -> format.strip().toLowerCase(java.util.Locale.ROOT))
            .filter(format -> !format.isEmpty()).distinct().toList();
        if (formats.isEmpty() || formats.equals(List.of("none"))) {
            return List.of();
        }
        for (String format : formats) {
            if (!format.equals("vtt") && !format.equals("srt")) {
                throw new SettingCheck.InvalidSettingException("narrator.captions", String.join(",", given),
                        "vtt, srt, vtt,srt or none");
            }
        }
        return formats.contains("vtt") && formats.contains("srt") ? List.of("vtt", "srt") : formats;
    }

    /**
     * Which input columns give each MP3's ID3 tags: by default the columns named so; a column the input lacks gives no
     * such tag.
     */
    public record Tags(
            @DefaultValue("title") String title,
            @DefaultValue("album") String album,
            @DefaultValue("artist") String artist,
            @DefaultValue("track") String track,
            @DefaultValue("comment") String comment) {

        public Tags {
            present("narrator.tags.title", title);
            present("narrator.tags.album", album);
            present("narrator.tags.artist", artist);
            present("narrator.tags.track", track);
            present("narrator.tags.comment", comment);
        }
    }

    /**
     * How long the job database server may take: to connect and log in, and to answer a statement. A server that
     * accepts connections and never answers (a hung server, a dead tunnel) is then one line, not a wait for ever.
     */
    public record Database(
            @DefaultValue("10s") Duration connectTimeout,
            @DefaultValue("60s") Duration socketTimeout) {

        public Database {
            positive("narrator.database.connect-timeout", connectTimeout);
            positive("narrator.database.socket-timeout", socketTimeout);
        }
    }

    /**
     * An S3-compatible store for {@code --output-dir=s3://...}; credentials and region come from the AWS default chain
     * (environment, profile, web identity), never from here.
     *
     * @param endpoint    the store's address; when not set, {@code AWS_ENDPOINT_URL_S3} or {@code AWS_ENDPOINT_URL},
     *                    else AWS's own
     * @param pathStyle   {@code BUCKET} in the path rather than the host name, as MinIO, Ceph and S3Proxy want
     * @param region      when not set, the default chain's ({@code AWS_REGION}, a profile), else us-east-1
     * @param maxAttempts tries of one request (throttling, 500s, resets), with backoff between them
     */
    public record S3(
            URI endpoint,
            @DefaultValue("false") boolean pathStyle,
            String region,
            @DefaultValue("8") int maxAttempts,
            @DefaultValue("10s") Duration connectTimeout,
            @DefaultValue("60s") Duration socketTimeout) {

        public S3 {
            between("narrator.s3.max-attempts", maxAttempts, 1, 100);
            positive("narrator.s3.connect-timeout", connectTimeout);
            positive("narrator.s3.socket-timeout", socketTimeout);
            if (endpoint != null && (endpoint.getScheme() == null || endpoint.getHost() == null
                    || !endpoint.getScheme().matches("https?"))) {
                throw new SettingCheck.InvalidSettingException("narrator.s3.endpoint", endpoint, "an http or https address");
            }
        }
    }
}
