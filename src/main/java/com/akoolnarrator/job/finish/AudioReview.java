package com.akoolnarrator.job.finish;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.akoolnarrator.ledger.AudioColumns;
import com.akoolnarrator.ledger.CheckedAudio;
import com.akoolnarrator.ledger.LedgerStore;


/**
 * The run's checked files taken together: each voice and rate's speaking rate, against which a file too short or too
 * long for its text stands out, and the files flagged, to count, list, or fail.
 */
class AudioReview {

    private final LedgerStore store;
    private final JdbcClient jdbc;

    public AudioReview(LedgerStore store) {
        this.store = store;
        this.jdbc = store.jdbc();
    }

    /**
     * Judges every checked file of the run against the median speaking rate of its voice and rate, where at least
     * {@code minFiles} files show it: TOO_SHORT under 1/{@code tolerance} of what that rate suggests, TOO_LONG over
     * {@code tolerance} times it.
     */
    public void judgeSpeakingRates(long runId, double tolerance, int minFiles) {
        List<SpeakingRate> rates = jdbc.sql(ReviewSql.SPEAKING_RATES).param(runId)
            .query((rs, i) -> new SpeakingRate(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getDouble(4)))
            .list().stream()
            .filter(rate -> rate.files() >= minFiles && rate.charactersPerSecond() > 0)
            .toList();
        store.committedNow(() -> {
            for (SpeakingRate rate : rates) {
                double cps = rate.charactersPerSecond();
                jdbc.sql(ReviewSql.JUDGE_SPEAKING_RATE).params(cps, tolerance, cps, cps, tolerance, runId, rate.voice(),
                        rate.rate()).update();
            }
        });
    }

    /** The run's files the check flagged, in input order. */
    public List<FlaggedFile> flagged(long runId) {
        return jdbc.sql(ReviewSql.FLAGGED).param(runId)
            .query((rs, i) -> new FlaggedFile(rs.getString(1), AudioColumns.checked(rs, 2), AudioColumns.expectedSeconds(rs, 2)))
            .list();
    }

    /** A flagged file's row is FAILED ({@code narrator.audio.flagged-rows=fail}): the next run narrates it again. */
    public void reject(String key, String reason) {
        store.committedNow(() -> {
            jdbc.sql(ReviewSql.AUDIO_REJECTED).params(store.reason(reason), store.now(), key).update();
            jdbc.sql(ReviewSql.AUDIO_REJECTED_PARTS).params("its row's joined file was flagged by the audio check",
                    store.now(), key).update();
        });
    }

    /** One voice and rate of the run: how many files show it, and their median characters a second. */
    private record SpeakingRate(String voice, String rate, long files, double charactersPerSecond) {
    }

    /** A file to listen to, and why. */
    public record FlaggedFile(String key, CheckedAudio findings, Double expectedSeconds) {
    }
}
