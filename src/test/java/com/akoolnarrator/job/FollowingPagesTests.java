package com.akoolnarrator.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/**
 * A reader that follows a step at work: every row ready is read once, in input order within a pass, whenever it
 * becomes ready; it ends only after the step followed has ended and a whole pass found nothing new, and at once on a
 * stop.
 */
class FollowingPagesTests {

    private record Row(long line, String key) {
    }

    /** The rows "ready" now; a page is up to {@code limit} of them after a line. */
    private final List<Row> ready = new CopyOnWriteArrayList<>();
    private final AtomicBoolean followedEnded = new AtomicBoolean();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final AtomicInteger pagesRead = new AtomicInteger();

    private FollowingPages<Row> reader(int size) {
        return new FollowingPages<>((afterLine, limit) -> {
            pagesRead.incrementAndGet();
            List<Row> page = ready.stream().filter(row -> row.line() > afterLine)
                .sorted((a, b) -> Long.compare(a.line(), b.line())).limit(limit).toList();
            if (page.size() < limit && !followedEnded.get()) {
                // what the followed step does meanwhile, a pass at a time: the next row becomes ready, or it ends
                int next = ready.size(); // k0 is there from the start
                if (next <= 5) {
                    ready.add(new Row(10 - next, "k" + next)); // later rows may come earlier in the input
                }
                else {
                    followedEnded.set(true);
                }
            }
            return page;
        }, Row::line, Row::key, size, followedEnded::get, stopped::get, Duration.ZERO);
    }

    @Test
    void everyRowIsReadOnceAsItBecomesReadyAndTheReaderEndsAfterTheFollowedStep() throws Exception {
        ready.add(new Row(1, "k0"));
        FollowingPages<Row> reader = reader(2);

        List<String> read = new ArrayList<>();
        for (Row row = reader.read(); row != null; row = reader.read()) {
            read.add(row.key());
        }

        assertThat(read).containsExactlyInAnyOrder("k0", "k1", "k2", "k3", "k4", "k5").doesNotHaveDuplicates();
        assertThat(read.get(0)).isEqualTo("k0");
        assertThat(followedEnded).isTrue();
    }

    @Test
    void aRowStillReadyIsNotReadTwiceAndAStopEndsTheReaderAtOnce() throws Exception {
        ready.add(new Row(1, "a"));
        ready.add(new Row(2, "b"));
        ready.add(new Row(3, "c"));
        followedEnded.set(true);
        FollowingPages<Row> reader = reader(2);

        assertThat(reader.read().key()).isEqualTo("a");
        assertThat(reader.read().key()).isEqualTo("b");
        assertThat(reader.read().key()).isEqualTo("c");
        assertThat(reader.read()).as("a, b and c are still there (say, their processing failed): not read again").isNull();

        FollowingPages<Row> stoppedReader = reader(2);
        stopped.set(true);
        int pages = pagesRead.get();
        assertThat(stoppedReader.read()).isNull();
        assertThat(pagesRead.get()).isEqualTo(pages);
    }
}
