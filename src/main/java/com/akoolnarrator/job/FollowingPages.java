package com.akoolnarrator.job;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import org.springframework.batch.infrastructure.item.ItemReader;

/**
 * A step's reader that follows another step at work: the run's rows that are ready for it, in input order, a page at
 * a time, passing over the rows again and again, each row once, until the step it follows has ended and a pass finds
 * nothing new. Between empty passes it waits a little. This is how a bucket's files are finished and stored while
 * the collect step is still downloading others (steps side by side in the narrate split).
 */
public class FollowingPages<T> implements ItemReader<T> {

    private final LinePages.Page<T> page;
    private final ToLongFunction<T> lineOf;
    private final Function<T, String> keyOf;
    private final int size;
    private final BooleanSupplier followedEnded;
    private final BooleanSupplier stopped;
    private final Duration idle;
    private final Set<String> read = new HashSet<>();
    /** The pass at work: one reading of the ready rows in input order, null between passes. */
    private LinePages<T> pass;
    private boolean passAfterEnd;
    private boolean foundThisPass;

    /** A reader of nothing: a step with no work in this run. */
    public static <T> FollowingPages<T> none() {
        return new FollowingPages<>((afterLine, limit) -> List.of(), item -> 0, item -> "", 1, () -> true, () -> false,
                Duration.ZERO);
    }

    /**
     * @param followedEnded whether the step followed has ended: a pass started after that sees every row it left
     * @param stopped       whether the run is asked to stop: then nothing more is read
     */
    public FollowingPages(LinePages.Page<T> page, ToLongFunction<T> lineOf, Function<T, String> keyOf, int size,
            BooleanSupplier followedEnded, BooleanSupplier stopped, Duration idle) {
        this.page = page;
        this.lineOf = lineOf;
        this.keyOf = keyOf;
        this.size = size;
        this.followedEnded = followedEnded;
        this.stopped = stopped;
        this.idle = idle;
    }

    @Override
    public T read() throws InterruptedException {
        while (!stopped.getAsBoolean()) {
            if (pass == null) {
                passAfterEnd = followedEnded.getAsBoolean();
                foundThisPass = false;
                pass = new LinePages<>(page, lineOf, size);
            }
            T item = pass.read();
            if (item != null) {
                if (read.add(keyOf.apply(item))) {
                    foundThisPass = true;
                    return item;
                }
                continue;
            }
            pass = null;
            if (!foundThisPass) {
                if (passAfterEnd) {
                    return null;
                }
                Thread.sleep(idle.toMillis());
            }
        }
        return null;
    }
}
