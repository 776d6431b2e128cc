package com.akoolnarrator.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.Ordered;

import com.akoolnarrator.settings.SettingCheck.InvalidSettingException;

/**
 * A setting whose value cannot be used (out of range, not a number, not a duration, not an address): one line naming
 * the setting, the value and what it must be, before Spring Boot's own report of several lines.
 */
class SettingFailureAnalyzer implements FailureAnalyzer, Ordered {

    private static final String SEE = "See the settings in docs/settings.md.";

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        BindException binding = null;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof InvalidSettingException invalid) {
                return new FailureAnalysis(invalid.getMessage() + ".", SEE, failure);
            }
            binding = binding == null && t instanceof BindException bind ? bind : binding;
        }
        return binding == null ? null : analyze(binding);
    }

    private static FailureAnalysis analyze(BindException cause) {
        ConfigurationProperty property = cause.getProperty();
        String name = property == null ? cause.getName().toString() : property.getName().toString();
        String value = property == null ? "" : String.valueOf(property.getValue());
        String expected = expected(cause.getTarget().getType().resolve(Object.class));
        if (expected == null) { // a bean's setter refused it: its own words
            return new FailureAnalysis(name + " cannot be '" + value + "': "
                    + NestedExceptionUtils.getMostSpecificCause(cause).getMessage() + ".", SEE, cause);
        }
        return new FailureAnalysis(name + " must be " + expected + ", not '" + value + "'.", SEE, cause);
    }

    private static String expected(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants())
                .map(constant -> ((Enum<?>) constant).name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .collect(Collectors.joining(", "));
        }
        return switch (type.getSimpleName()) {
            case "int", "Integer", "long", "Long" -> "a whole number";
            case "double", "Double" -> "a number";
            case "boolean", "Boolean" -> "true or false";
            case "Duration" -> "a duration (for example 500ms, 10s, 5m, 1h)";
            case "DataSize" -> "a size (for example 64MB, 1GB)";
            case "URI" -> "an http:// or https:// address";
            case "Path" -> "a path";
            default -> null;
        };
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
