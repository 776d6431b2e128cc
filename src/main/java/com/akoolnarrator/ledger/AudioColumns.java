package com.akoolnarrator.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;

import com.akoolnarrator.audio.AudioFindings;
import com.akoolnarrator.audio.AudioFlag;
import com.akoolnarrator.audio.AudioMeasurement;

/** The audio check's findings to and from the NARRATION columns of {@code V9__audio_checks.sql}. */
final class AudioColumns {

    private AudioColumns() {
    }

    /** The parameters of {@code LedgerSql.AUDIO_FOUND}, in order; all null for a file never checked. */
    static Object[] parameters(AudioFindings findings) {
        if (findings == null) {
            return new Object[8];
        }
        AudioMeasurement m = findings.measurement();
        String flags = AudioFlag.format(findings.flags());
        if (m == null) {
            return new Object[] { null, null, findings.gainDb(), null, null, null, null, flags };
        }
        return new Object[] { m.loudnessLufs(), m.peakDbfs(), findings.gainDb(), m.clippedSamples(),
                m.longestSilenceSeconds(), m.longestSilenceAt(), m.seconds(), flags };
    }

    /** The findings in {@code LedgerSql.AUDIO_COLUMNS}, from column {@code first}; {@code null} when never checked. */
    static AudioFindings findings(ResultSet rs, int first) throws SQLException {
        String flagNames = rs.getString(first + 7);
        if (flagNames == null) {
            return null;
        }
        Set<AudioFlag> flags = AudioFlag.parse(flagNames);
        String durationFlag = rs.getString(first + 8);
        if (durationFlag != null) {
            flags.add(AudioFlag.valueOf(durationFlag));
        }
        Double seconds = rs.getObject(first + 6, Double.class);
        AudioMeasurement measurement = seconds == null ? null : new AudioMeasurement(seconds,
                rs.getObject(first, Double.class), rs.getObject(first + 1, Double.class), rs.getLong(first + 3),
                rs.getDouble(first + 4), rs.getDouble(first + 5), flags.contains(AudioFlag.SILENT));
        double gain = rs.getDouble(first + 2);
        return new AudioFindings(measurement, gain, flags);
    }

    /** What this run's other files of the same voice and rate suggest the file's length should be, if judged. */
    static Double expectedSeconds(ResultSet rs, int first) throws SQLException {
        return rs.getObject(first + 9, Double.class);
    }
}
