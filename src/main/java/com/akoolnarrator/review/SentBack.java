package com.akoolnarrator.review;

import java.sql.Timestamp;

/**
 * A take a reviewer sent back, as the ledger has it: what the redo step keeps of it.
 *
 * @param file     the row's file, which holds this take until it is kept under its own name
 * @param akoolIds the Akool job(s) it came from (a long script's parts', space-separated)
 */
record SentBack(String key, int take, String rowId, String file, Long bytes, String sha256, String akoolIds,
        Double seconds, String flags, String reason, String reviewer, Timestamp reviewedAt) {

    /** Where the take is kept: {@code <stem>.take<N><ext>} beside the row's file. */
    String keptFile() {
        return Takes.keptName(file, take);
    }
}
