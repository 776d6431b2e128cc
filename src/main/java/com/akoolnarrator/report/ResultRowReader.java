package com.akoolnarrator.report;

import javax.sql.DataSource;

import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;
import org.springframework.batch.infrastructure.item.database.builder.JdbcCursorItemReaderBuilder;

import com.akoolnarrator.ledger.NarrationLedger;
import com.akoolnarrator.report.ResultRow.Status;

/** A run's rows in input order, joined with their narrations: what results.csv says. */
public final class ResultRowReader {

    private ResultRowReader() {
    }

    public static JdbcCursorItemReader<ResultRow> create(DataSource dataSource, long runId) {
        return new JdbcCursorItemReaderBuilder<ResultRow>()
            .name("resultRows")
            .dataSource(dataSource)
            .sql("SELECT R.LINE_NO, R.ROW_ID, R.INVALID_REASON, R.RAW_VALUES, N.STATE, " + NarrationLedger.ROW_STATUS + " AS STATUS, N.OUTPUT_FILE,"
                    + " CASE WHEN N.PARTS > 1 THEN (SELECT LISTAGG(P.AKOOL_ID, ' ') WITHIN GROUP (ORDER BY P.PART_NO)"
                    + " FROM NARRATION P WHERE P.ROW_KEY = N.NARRATION_KEY AND P.PARTS = 1) ELSE N.AKOOL_ID END AS AKOOL_ID,"
                    + " N.AUDIO_URL, N.FILE_BYTES, N.DURATION_SECONDS, N.SHA256, N.ATTEMPTS, N.ERROR"
                    + " FROM RUN_ROW R LEFT JOIN NARRATION N ON N.NARRATION_KEY = R.NARRATION_KEY"
                    + " WHERE R.RUN_ID = ? ORDER BY R.LINE_NO")
            .queryArguments(runId)
            .saveState(false)
            .rowMapper((rs, i) -> {
                String invalid = rs.getString("INVALID_REASON");
                String state = rs.getString("STATE");
                Status status = Status.valueOf(rs.getString("STATUS"));
                String error = invalid != null ? invalid : rs.getString("ERROR");
                if (status == Status.FAILED && error == null) {
                    error = "not finished (" + state + "): the job ended before this row was done; run the same command again";
                }
                boolean succeeded = status == Status.SUCCEEDED;
                long bytes = rs.getLong("FILE_BYTES");
                double duration = rs.getDouble("DURATION_SECONDS");
                return new ResultRow(rs.getLong("LINE_NO"), rs.getString("ROW_ID"), status,
                        succeeded ? rs.getString("OUTPUT_FILE") : null, rs.getString("AKOOL_ID"), rs.getString("AUDIO_URL"),
                        succeeded ? bytes : null, succeeded ? duration : null, succeeded ? rs.getString("SHA256") : null,
                        invalid != null ? 0 : rs.getInt("ATTEMPTS"), error, NarrationLedger.decode(rs.getString("RAW_VALUES")));
            })
            .build();
    }
}
