package com.akoolnarrator.tags;

import com.akoolnarrator.job.LinePages;
import com.akoolnarrator.tags.FileTags.Untagged;

/** The tag step's reader: the run's MP3s that do not carry the tags their rows ask for, in input order, a page at a time. */
class UntaggedFiles extends LinePages<Untagged> {

    UntaggedFiles(FileTags fileTags, long runId, int page) {
        super((afterLine, limit) -> fileTags.untagged(runId, afterLine, limit), Untagged::line, page);
    }
}
