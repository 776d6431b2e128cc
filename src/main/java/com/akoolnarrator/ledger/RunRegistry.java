package com.akoolnarrator.ledger;

import java.nio.file.Path;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The runs of each folder and their input: a run is registered once, and a real run forgets the rows of the folder's
 * earlier runs. The rows themselves are the validate step's to record.
 */
public class RunRegistry {

    private final LedgerStore store;
    private final JdbcClient jdbc;

    RunRegistry(LedgerStore store) {
        this.store = store;
        this.jdbc = store.jdbc();
    }

    /**
     * Registers a run of a folder (its scope) and its input, once: the folder's runs are found through here. A real
     * run forgets the rows of earlier runs into the same folder (their narrations stay, and so does the record of the
     * run); a dry run leaves them, so that an unfinished run can still be continued after it.
     *
     * @return whether the run is new (not a restart)
     */
    public boolean startRun(long runId, String scope, Path input, String inputSha256, boolean dryRun) {
        return store.committedNow(() -> {
            if (jdbc.sql(LedgerSql.RUN_KNOWN).param(runId).query(Long.class).single() > 0) {
                return false;
            }
            if (!dryRun) {
                jdbc.sql(LedgerSql.FORGET_OTHER_RUN_ROWS).params(scope, runId).update();
            }
            jdbc.sql(LedgerSql.INSERT_RUN)
                .params(runId, scope, input.toAbsolutePath().toString(), inputSha256, dryRun)
                .update();
            return true;
        });
    }

    /** Whether the ledger keeps narrations under a scope (a folder's path, before folders had ids). */
    public boolean knowsScope(String scope) {
        return jdbc.sql(LedgerSql.SCOPE_KNOWN).param(scope).query(Long.class).single() > 0;
    }

    /** Forgets a run's rows (a dry run leaves nothing behind). */
    public void forgetRun(long runId) {
        jdbc.sql(LedgerSql.FORGET_RUN_ROWS).param(runId).update();
        jdbc.sql(LedgerSql.FORGET_RUN).param(runId).update();
    }
}
