package com.akoolnarrator.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.akoolnarrator.JobTestSupport;
import com.akoolnarrator.cli.RunOutcome;

/**
 * A pronunciation lexicon: applied to each text before it is sent, part of what a row's narration is, so changing an
 * entry narrates again only the rows it changes; the dry run says what each entry touches.
 */
class LexiconJobTests extends JobTestSupport {

    @Autowired
    JdbcClient jdbc;

    private Path lessons() throws Exception {
        return csv("lessons.csv", "id,text,voice_id", "a,Query the table with SQL. Then SQL again.,en-US-Jenny",
                "b,Akool narrates this lesson.,en-US-Guy", "c,Nothing to change here.,en-US-Guy");
    }

    private Path lexicon(String... lines) throws Exception {
        Path file = work.resolve("terms.csv");
        Files.writeString(file, String.join("\n", lines) + "\n");
        return file;
    }

    @Test
    void anEntryNarratesAgainOnlyTheRowsItChangesAndOneThatChangesNothingNarratesNothing() throws Exception {
        Path input = lessons();
        assertThat(command.run(input, output(), false, null).exitCode()).isZero();
        simulator.resetCounters();

        assertThat(command.run(input, output(), false, lexicon("term,say", "SQL,sequel")).exitCode()).isZero();
        assertThat(simulator.calls("create")).as("row a only").isEqualTo(1);
        assertThat(sent("a")).isEqualTo("Query the table with sequel. Then sequel again.");
        assertThat(results()).extracting(r -> r.get("lexicon")).containsExactly("SQL x2", "", "");

        simulator.resetCounters();
        assertThat(command.run(input, output(), false, lexicon("term,say", "SQL,sequel", "Akool,ah-cool")).exitCode())
            .isZero();
        assertThat(simulator.calls("create")).as("row b only").isEqualTo(1);
        assertThat(sent("b")).isEqualTo("ah-cool narrates this lesson.");

        simulator.resetCounters();
        assertThat(command.run(input, output(), false,
                lexicon("term,say", "SQL,sequel", "Akool,ah-cool", "Oracle,oh-ra-cle")).exitCode()).isZero();
        assertThat(simulator.calls("create")).as("an entry that changes no row narrates nothing").isZero();
        List<CSVRecord> failedRows = readCsv(output().resolve("failed.csv"));
        assertThat(failedRows).isEmpty();
    }

    @Test
    void theDryRunSaysWhatEachEntryTouchesAndFailedCsvKeepsTheOriginalText() throws Exception {
        Path input = csv("lessons.csv", "id,text,voice_id", "a,Query the table with SQL. Then SQL again.,en-US-Jenny",
                "b,SQL without a voice.,");
        Path terms = lexicon("term,say", "SQL,sequel", "Oracle,oh-ra-cle");

        RunOutcome dryRun = command.run(input, output(), true, terms);

        assertThat(dryRun.message()).contains("LEXICON line 2 'SQL' -> 'sequel': 1 row, 2 times, 6 characters",
                "LEXICON line 3 'Oracle' -> 'oh-ra-cle': changes no row");
        assertThat(simulator.calls("create")).isZero();

        assertThat(command.run(input, output(), false, terms).exitCode()).isEqualTo(RunOutcome.SOME_ROWS_FAILED);
        assertThat(readCsv(output().resolve("failed.csv"))).extracting(r -> r.get("text"))
            .containsExactly("SQL without a voice.");
    }

    @Test
    void aBadLexiconIsOneLineAndExitTwoWithNothingSent() throws Exception {
        RunOutcome outcome = command.run(lessons(), output(), false, lexicon("term,say", "SQL,sequel", "sql,squeal"));

        assertThat(outcome.exitCode()).isEqualTo(RunOutcome.USAGE);
        assertThat(outcome.message())
            .isEqualTo("the lexicon terms.csv, line 3, column 'term': 'sql' is already on line 2: keep one of them");
        assertThat(simulator.calls("create") + simulator.calls("voices")).isZero();
        assertThat(output()).doesNotExist();
    }

    /** What the ledger sent Akool for a row of the folder's last run. */
    private String sent(String rowId) {
        return jdbc.sql("SELECT T.INPUT_TEXT FROM RUN_ROW R JOIN NARRATION N ON N.NARRATION_KEY = R.NARRATION_KEY"
                + " JOIN NARRATION_TEXT T ON T.NARRATION_KEY = N.NARRATION_KEY WHERE N.SCOPE = ? AND R.ROW_ID = ?")
            .params(scope(), rowId).query(String.class).single();
    }
}
