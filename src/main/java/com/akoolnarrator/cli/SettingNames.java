package com.akoolnarrator.cli;

import java.lang.reflect.RecordComponent;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import com.akoolnarrator.akool.AkoolProperties;
import com.akoolnarrator.input.EditDistance;
import com.akoolnarrator.settings.NarratorProperties;
import com.akoolnarrator.audio.AudioProperties;
import com.akoolnarrator.webhook.WebhookProperties;

/**
 * The job's own settings ({@code narrator.*} and {@code akool.*}) by name, read from their
 * {@code @ConfigurationProperties} records, so that a misspelt one on the command line or in a job file is a usage
 * error naming the nearest valid one instead of a setting silently ignored. Environment variables are not checked:
 * their names are shared with everything else on the machine.
 */
final class SettingNames {

    /** Prefixes the job owns; any other setting (spring.*, logging.*, simulator.*) is Spring Boot's or a tool's. */
    private static final List<String> OWNED = List.of("narrator.", "akool.");
    private static final Set<String> KNOWN = known();

    private SettingNames() {
    }

    /** {@code --name=value} settings of the command line. */
    static void checkArguments(List<String> settings) {
        for (String setting : settings) {
            check(setting.substring(2, setting.indexOf('=')), "");
        }
    }

    static void checkJobFile(JobFile jobFile) {
        for (String name : jobFile.settings().keySet()) {
            check(name, " in the job file " + jobFile.path());
        }
    }

    private static void check(String name, String where) {
        String canonical = canonical(name);
        if (OWNED.stream().noneMatch(canonical::startsWith) || KNOWN.contains(canonical)) {
            return;
        }
        String nearest = KNOWN.stream().min(Comparator.comparingInt(known -> EditDistance.between(canonical, known)))
            .orElseThrow();
        throw new IllegalArgumentException("unknown setting '" + name + "'" + where + "; did you mean " + nearest
                + "? The settings are listed in docs/settings.md.");
    }

    /** Spring Boot's relaxed form: lower case, dashed ({@code akool.requestsPerSecond} is {@code akool.requests-per-second}). */
    private static String canonical(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").replace('_', '-').toLowerCase(Locale.ROOT);
    }

    private static Set<String> known() {
        Set<String> names = new TreeSet<>();
        add(names, "narrator.", NarratorProperties.class);
        add(names, "akool.", AkoolProperties.class);
        add(names, "narrator.webhook.", WebhookProperties.class);
        add(names, "narrator.audio.", AudioProperties.class);
        return names;
    }

    private static void add(Set<String> names, String prefix, Class<?> settings) {
        for (RecordComponent component : settings.getRecordComponents()) {
            String name = prefix + canonical(component.getName());
            if (component.getType().isRecord()) {
                add(names, name + ".", component.getType());
            }
            else {
                names.add(name);
            }
        }
    }
}
