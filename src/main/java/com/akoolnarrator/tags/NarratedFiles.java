package com.akoolnarrator.tags;

import java.util.Optional;

import com.akoolnarrator.storage.OutputFolder;
import com.akoolnarrator.storage.RecordedFile;

/**
 * What the output itself shows was narrated into it, whatever its job database remembers: a folder's tagged MP3s and
 * its results.csv ({@link #inFolder}), or a bucket's objects and what they were stored with. This is how an output
 * whose job database was lost, or opens at an older state, is continued without paying again for what it holds.
 */
public interface NarratedFiles {

    /**
     * An MP3 found holding a narration.
     *
     * @param akoolIds   the Akool job id(s) it came from, when the output says; null otherwise
     * @param attempts   the requests results.csv counted for it, or 1 (it was narrated at least once)
     * @param taggedWith the tags it carries when it carries this job's tag (see {@code TrackTags#encode}); null when it
     *                   has to be tagged
     */
    record Found(long bytes, String sha256, double durationSeconds, String akoolIds, int attempts, String taggedWith) {
    }

    /** The MP3 {@code file} (relative to the output), if it is there and holds the narration {@code contentHash}. */
    Optional<Found> find(String rowId, String file, String contentHash);

    /**
     * Whether the output holds {@code file} as the ledger recorded it: its size and its bytes.
     *
     * @param stored the SHA-256 of the object the ledger says the output's bucket holds for it; null when none
     */
    boolean holds(String file, RecordedFile recorded, String stored);

    static NarratedFiles inFolder(OutputFolder folder) {
        return new NarratedFolder(folder);
    }
}
