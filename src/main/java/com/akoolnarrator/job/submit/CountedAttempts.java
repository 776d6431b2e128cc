package com.akoolnarrator.job.submit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The narrations whose first attempt the submit step's reader has counted in the ledger and no processor has used yet.
 * The processor uses each at most once: a narration processed again (a retry, or a chunk replayed after a failed
 * write) finds none and asks the ledger afresh. What is left when the step ends was counted but never sent.
 */
class CountedAttempts {

    private final Set<String> unused = ConcurrentHashMap.newKeySet();

    void counted(Collection<String> keys) {
        unused.addAll(keys);
    }

    /** Whether an attempt counted for this narration was still unused (it is used now). */
    boolean use(String key) {
        return unused.remove(key);
    }

    /** The counted attempts never used, forgotten here. */
    List<String> drainUnused() {
        List<String> keys = new ArrayList<>(unused);
        unused.removeAll(keys);
        return keys;
    }
}
