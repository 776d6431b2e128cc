package com.akoolnarrator.akool;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Akool's {@code Retry-After}: how long to wait, and until when. Seconds or an HTTP date, read without overflow: a date
 * in the year 9999 or a number of seconds beyond any clock is a very long wait, never an arithmetic error.
 */
record RetryAfter(Duration delay, Optional<Instant> until) {

    /** Longer than any wait worth doing: what a date or number beyond the clock's range is read as. */
    static final Duration VERY_LONG = ChronoUnit.CENTURIES.getDuration();

    /** The header's wait as {@code clock} tells the time now; empty when absent or unreadable. */
    static Optional<RetryAfter> parse(String value, Clock clock) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String text = value.strip();
        Instant now = clock.instant();
        if (text.chars().allMatch(Character::isDigit)) {
            if (text.length() > 12) { // more seconds than since the Big Bang's first million years
                return Optional.of(new RetryAfter(VERY_LONG, Optional.empty()));
            }
            Duration delay = Duration.ofSeconds(Long.parseLong(text));
            return Optional.of(new RetryAfter(capped(delay), plus(now, delay)));
        }
        try {
            // the day of the week is left out: a gateway that gets it wrong still means the date
            Instant until = ZonedDateTime.parse(text.replaceFirst("^[A-Za-z]{3},\\s*", ""),
                    DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration delay = until.isAfter(now) ? Duration.between(now, until) : Duration.ZERO;
            return Optional.of(new RetryAfter(capped(delay), Optional.of(until)));
        }
        catch (DateTimeParseException unreadable) {
            return Optional.empty();
        }
    }

    boolean longerThan(Duration limit) {
        return delay.compareTo(limit) > 0;
    }

    private static Duration capped(Duration delay) {
        return delay.compareTo(VERY_LONG) > 0 ? VERY_LONG : delay;
    }

    private static Optional<Instant> plus(Instant now, Duration delay) {
        try {
            return Optional.of(now.plus(delay));
        }
        catch (DateTimeException | ArithmeticException beyondTheClock) {
            return Optional.empty();
        }
    }
}
