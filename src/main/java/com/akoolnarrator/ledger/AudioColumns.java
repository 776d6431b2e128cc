package com.akoolnarrator.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;

/** The audio check's findings to and from the NARRATION columns of {@code V9__audio_checks.sql}. */
public final class AudioColumns {

    private AudioColumns() {
    }

    /** The parameters of {@code SharedSql.AUDIO_FOUND}, in order; all null for a file never checked. */
    public static Object[] parameters(CheckedAudio checked) {
        if (checked == null) {
            return new Object[9];
        }
        if (checked.seconds() == null) {
            return new Object[] { null, null, checked.gainDb(), null, null, null, null, checked.flags(), null };
        }
        return new Object[] { checked.loudnessLufs(), checked.peakDbfs(), checked.gainDb(), checked.clippedSamples(),
            checked.longestSilenceSeconds(), checked.longestSilenceAt(), checked.seconds(), checked.flags(),
            checked.pauses() };
    }

    /** The findings in {@code SharedSql.AUDIO_COLUMNS}, from column {@code first}; {@code null} when never checked. */
    public static CheckedAudio checked(ResultSet rs, int first) throws SQLException {
        String flags = rs.getString(first + 7);
        if (flags == null) {
            return null;
        }
        String durationFlag = rs.getString(first + 8);
        if (durationFlag != null) {
            flags = flags.isBlank() ? durationFlag : flags + " " + durationFlag;
        }
        Double seconds = rs.getObject(first + 6, Double.class);
        if (seconds == null) {
            return new CheckedAudio(null, null, null, rs.getDouble(first + 2), 0, 0, 0, flags, null);
        }
        return new CheckedAudio(seconds, rs.getObject(first, Double.class), rs.getObject(first + 1, Double.class),
                rs.getDouble(first + 2), rs.getLong(first + 3), rs.getDouble(first + 4), rs.getDouble(first + 5), flags,
                rs.getString(first + 10));
    }

    /** What this run's other files of the same voice and rate suggest the file's length should be, if judged. */
    public static Double expectedSeconds(ResultSet rs, int first) throws SQLException {
        return rs.getObject(first + 9, Double.class);
    }
}
