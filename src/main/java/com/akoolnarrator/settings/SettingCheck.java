package com.akoolnarrator.settings;

import java.io.File;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * The checks a setting's value must pass when its settings record is built, so that an impossible value is refused
 * at start with the setting's name, instead of a stack trace later or a value silently read as something else.
 */
public final class SettingCheck {

    private static final Pattern PERCENTAGE = Pattern.compile("(\\d{1,3})%?");

    private SettingCheck() {
    }

    /** A setting whose value cannot be used: its name, its value and what it must be. */
    public static final class InvalidSettingException extends IllegalArgumentException {

        private final String setting;

        public InvalidSettingException(String setting, Object value, String mustBe) {
            this(setting, setting + " must be " + mustBe + ", not '" + value + "'");
        }

        private InvalidSettingException(String setting, String message) {
            super(message);
            this.setting = setting;
        }

        /** A setting that cannot work with the others, or here: the message names it and says why. */
        public static InvalidSettingException because(String setting, String message) {
            return new InvalidSettingException(setting, message);
        }

        public String setting() {
            return setting;
        }
    }

    public static int between(String setting, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidSettingException(setting, value, "from " + min + " to " + max);
        }
        return value;
    }

    public static double between(String setting, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new InvalidSettingException(setting, number(value), "a number from " + number(min) + " to " + number(max));
        }
        return value;
    }

    public static long atLeast(String setting, long value, long min) {
        if (value < min) {
            throw new InvalidSettingException(setting, value, "at least " + min);
        }
        return value;
    }

    public static double atLeast(String setting, double value, double min) {
        if (!(value >= min) || Double.isInfinite(value)) {
            throw new InvalidSettingException(setting, number(value), "a number of at least " + number(min));
        }
        return value;
    }

    public static double positive(String setting, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new InvalidSettingException(setting, number(value), "a number above 0");
        }
        return value;
    }

    public static Duration positive(String setting, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new InvalidSettingException(setting, value, "a duration above 0 (for example 500ms, 10s, 5m)");
        }
        return value;
    }

    public static Duration between(String setting, Duration value, Duration min, Duration max) {
        if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new InvalidSettingException(setting, value, "a duration from " + min.toMillis() + "ms to "
                    + max.toSeconds() + "s");
        }
        return value;
    }

    public static Duration notNegative(String setting, Duration value) {
        if (value == null || value.isNegative()) {
            throw new InvalidSettingException(setting, value, "a duration of 0 or more (for example 0s, 500ms, 10s)");
        }
        return value;
    }

    /** A value that must not be below another setting's ({@code max-...} below {@code min-...}). */
    public static <T extends Comparable<T>> T notBelow(String setting, T value, String other, T otherValue) {
        if (value.compareTo(otherValue) < 0) {
            throw new InvalidSettingException(setting, value, "at least " + other + " (" + otherValue + ")");
        }
        return value;
    }

    /**
     * A folder the job database can live in: H2 reads a backslash in its file name as a folder separator, so on a
     * system whose separator is {@code /} a path such as {@code C:\Data\out} would put the database elsewhere.
     */
    public static Path folder(String setting, Path value) {
        present(setting, value);
        if (File.separatorChar == '/' && value.toString().indexOf('\\') >= 0) {
            throw new InvalidSettingException(setting, value, "a path with / between its folders on this system"
                    + " (a Windows path such as C:\\Data\\out is read literally and cannot be used here)");
        }
        return value;
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value) : String.valueOf(value);
    }

    public static <T> T present(String setting, T value) {
        if (value == null || value.toString().isBlank()) {
            throw new InvalidSettingException(setting, "", "given");
        }
        return value;
    }

    /** An http or https address with a host name. */
    public static URI webAddress(String setting, URI value) {
        present(setting, value);
        String scheme = value.getScheme() == null ? "" : value.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || value.getHost() == null || value.getHost().isBlank()) {
            throw new InvalidSettingException(setting, value, "an http:// or https:// address with a host name");
        }
        return value;
    }

    /** A whole percentage from 0% to 100% ({@code 85} is {@code 85%}), as the input's {@code rate} column. */
    public static String percentage(String setting, String value) {
        present(setting, value);
        var match = PERCENTAGE.matcher(value.strip());
        if (!match.matches() || Integer.parseInt(match.group(1)) > 100) {
            throw new InvalidSettingException(setting, value, "a whole percentage from 0% to 100%");
        }
        return Integer.parseInt(match.group(1)) + "%";
    }
}
