package com.akoolnarrator.job;

import java.time.Duration;
import java.util.Locale;

/** A duration as the job's messages say it, everywhere alike: 500ms, 45s, 3m07s, 1h, 1h30m. */
public final class Durations {

    private Durations() {
    }

    public static String words(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000 || millis < 60_000 && millis % 1000 != 0) {
            return millis + "ms";
        }
        long s = duration.getSeconds();
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return s % 60 == 0 ? s / 60 + "m" : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        }
        long minutes = s % 3600 / 60;
        return minutes == 0 ? s / 3600 + "h" : String.format(Locale.ROOT, "%dh%02dm", s / 3600, minutes);
    }
}
