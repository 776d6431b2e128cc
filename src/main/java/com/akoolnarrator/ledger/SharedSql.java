package com.akoolnarrator.ledger;

/** What the ledger's statements and the features' own share of SQL over the kernel's tables. */
public final class SharedSql {

    private SharedSql() {
    }

    /** A run row's Akool job id(s), over {@code NARRATION N}: a long script's parts', space-separated, in order. */
    public static final String ROW_AKOOL_IDS = "CASE WHEN N.PARTS > 1 THEN (SELECT STRING_AGG(P.AKOOL_ID, ' ' ORDER BY"
            + " P.PART_NO) FROM NARRATION P WHERE P.ROW_KEY = N.NARRATION_KEY AND P.PARTS = 1) ELSE N.AKOOL_ID END AS AKOOL_ID";
}
