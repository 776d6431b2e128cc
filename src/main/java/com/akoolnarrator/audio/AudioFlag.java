package com.akoolnarrator.audio;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** What the audio check flags: each a reason to listen to a file before it is published. */
public enum AudioFlag {
    UNDECODABLE, SILENT, TOO_SHORT, TOO_LONG, LONG_SILENCE, CLIPPED, TOO_QUIET, TOO_LOUD;

    /** The flags as the ledger keeps them: names separated by spaces, in this order; "" when clean. */
    public static String format(Set<AudioFlag> flags) {
        return flags.stream().sorted().map(Enum::name).collect(Collectors.joining(" "));
    }

    public static EnumSet<AudioFlag> parse(String flags) {
        EnumSet<AudioFlag> parsed = EnumSet.noneOf(AudioFlag.class);
        if (flags != null) {
            Arrays.stream(flags.trim().split(" +")).filter(name -> !name.isEmpty()).map(AudioFlag::valueOf)
                .forEach(parsed::add);
        }
        return parsed;
    }
}
