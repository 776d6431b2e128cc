package com.akoolnarrator.settings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.util.unit.DataSize;

import static com.akoolnarrator.settings.SettingCheck.atLeast;
import static com.akoolnarrator.settings.SettingCheck.between;
import static com.akoolnarrator.settings.SettingCheck.folder;
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
        @DefaultValue("out") Path outputDir,
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
        @DefaultValue Database database) {

    private static final int MANY = 100_000;

    public NarratorProperties {
        folder("narrator.output-dir", outputDir);
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
}
