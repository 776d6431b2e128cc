package com.akoolnarrator.akool;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What narration costs on the account's plan ({@code narrator.credits-per-thousand-characters}: Akool bills by
 * characters), and the account's balance as far as Akool says it: the one place a run, a dry run and the summary
 * estimate credits.
 */
public record CreditPrice(double perThousandCharacters) {

    private static final Logger log = LoggerFactory.getLogger("narrator");

    public double estimate(long characters) {
        return characters * perThousandCharacters / 1000;
    }

    /** About how many of {@code rows}, {@code characters} in all, a balance pays for. */
    public long covered(long rows, double balance, long characters) {
        double estimate = estimate(characters);
        return estimate <= 0 ? rows : Math.min(rows, (long) Math.floor(rows * balance / estimate));
    }

    /** The balance now, or empty (with a warning saying why) when Akool does not say, or when the run is stopping. */
    public static Optional<Double> balance(AkoolClient akool) {
        try {
            return Optional.of(akool.credit());
        }
        catch (RequestsStopped stopping) {
            return Optional.empty();
        }
        catch (AkoolException e) {
            log.warn("Could not read the account's credit balance ({}); going on without it", e.getMessage());
            return Optional.empty();
        }
    }
}
