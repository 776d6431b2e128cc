package com.akoolnarrator.tags;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.springframework.batch.infrastructure.item.ItemReader;

import com.akoolnarrator.tags.FileTags.Untagged;

/**
 * The tag step's reader: the run's MP3s that do not carry the tags their rows ask for, in input order, a page at a time
 * after the last line read. Its work list is the ledger's, so a restart starts over and finds only what is left.
 */
class UntaggedFiles implements ItemReader<Untagged> {

    private final FileTags fileTags;
    private final long runId;
    private final int page;
    private final Deque<Untagged> read = new ArrayDeque<>();
    private long afterLine;
    private boolean exhausted;

    UntaggedFiles(FileTags fileTags, long runId, int page) {
        this.fileTags = fileTags;
        this.runId = runId;
        this.page = page;
    }

    @Override
    public Untagged read() {
        if (read.isEmpty() && !exhausted) {
            List<Untagged> next = fileTags.untagged(runId, afterLine, page);
            exhausted = next.size() < page;
            if (!next.isEmpty()) {
                afterLine = next.get(next.size() - 1).line();
                read.addAll(next);
            }
        }
        return read.poll();
    }
}
