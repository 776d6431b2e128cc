package com.akoolnarrator.job;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.ToLongFunction;

import org.springframework.batch.infrastructure.item.ItemReader;

/**
 * A step's reader over a run's rows in input order, a page at a time after the last line read. Its work list is the
 * ledger's, so a restart starts over and finds only what is left.
 */
public class LinePages<T> implements ItemReader<T> {

    /** Up to {@code limit} items after input line {@code afterLine}, in input order. */
    public interface Page<T> {
        List<T> after(long afterLine, int limit);
    }

    private final Page<T> page;
    private final ToLongFunction<T> lineOf;
    private final int size;
    private final Deque<T> read = new ArrayDeque<>();
    private long afterLine;
    private boolean exhausted;

    /** A reader of nothing: a step with no work in this run. */
    public static <T> LinePages<T> none() {
        return new LinePages<>((afterLine, limit) -> List.of(), item -> 0, 1);
    }

    protected LinePages(Page<T> page, ToLongFunction<T> lineOf, int size) {
        this.page = page;
        this.lineOf = lineOf;
        this.size = size;
    }

    @Override
    public T read() {
        if (read.isEmpty() && !exhausted) {
            List<T> next = page.after(afterLine, size);
            exhausted = next.size() < size;
            if (!next.isEmpty()) {
                afterLine = lineOf.applyAsLong(next.get(next.size() - 1));
                read.addAll(next);
            }
        }
        return read.poll();
    }
}
