package com.akoolnarrator.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;

import com.akoolnarrator.audio.AudioCheck;
import com.akoolnarrator.audio.AudioFindings;
import com.akoolnarrator.input.InputFile;
import com.akoolnarrator.input.InputHeader;
import com.akoolnarrator.input.SpreadsheetCells;
import com.akoolnarrator.ledger.CheckedAudio;
import com.akoolnarrator.ledger.ResultRow;
import com.akoolnarrator.storage.AtomicFile;

/**
 * Writes {@code results.csv} (every input row, in input order: the result columns, then the pass-through columns) and
 * {@code failed.csv} (the rows that did not succeed, in the input's own format, ready to be rerun). Both are written
 * to temporary names and take their final names only when the step completes, so a reader never sees half a file.
 */
class ResultsWriter implements ItemStreamWriter<ResultRow>, StepExecutionListener {


    private final Path folder;
    private AtomicFile resultsFile;
    private AtomicFile failedFile;
    private final InputHeader header;
    private final char delimiter;
    private final boolean neutraliseFormulas;
    private final AudioCheck audioCheck;
    private CSVPrinter results;
    private CSVPrinter failed;

    public ResultsWriter(Path folder, InputHeader header, char delimiter, boolean neutraliseFormulas, AudioCheck audioCheck) {
        this.audioCheck = audioCheck;
        this.folder = folder;
        this.header = header;
        this.delimiter = delimiter;
        this.neutraliseFormulas = neutraliseFormulas;
    }

    @Override
    public void open(ExecutionContext context) {
        try {
            List<String> columns = new ArrayList<>(ResultRow.COLUMNS);
            columns.addAll(header.passThroughNames());
            results = new CSVPrinter((resultsFile = AtomicFile.beside(folder.resolve(ReportFiles.RESULTS))).writer(), CSVFormat.RFC4180);
            results.printRecord(columns);
            failed = new CSVPrinter((failedFile = AtomicFile.beside(folder.resolve(ReportFiles.FAILED))).writer(), InputFile.format(delimiter));
            failed.printRecord(header.names());
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot write the results into " + folder, e);
        }
    }

    @Override
    public void write(Chunk<? extends ResultRow> rows) throws IOException {
        for (ResultRow row : rows) {
            List<Object> cells = new ArrayList<>();
            cells.add(cell(row.id()));
            cells.add(row.status().name());
            cells.add(cell(row.file()));
            cells.add(cell(row.akoolId()));
            cells.add(cell(row.audioUrl()));
            cells.add(row.bytes() == null ? "" : row.bytes());
            cells.add(row.durationSeconds() == null ? "" : String.format(Locale.ROOT, "%.3f", row.durationSeconds()));
            cells.add(cell(row.sha256()));
            cells.add(row.attempts());
            cells.add(cell(row.error()));
            CheckedAudio heard = row.audio();
            cells.add(decibels(heard == null ? null : heard.loudnessLufs()));
            cells.add(decibels(heard == null ? null : heard.peakDbfs()));
            cells.add(decibels(heard == null ? null : heard.gainDb()));
            cells.add(cell(audioCheck.describe(AudioFindings.of(heard), row.expectedSeconds())));
            cells.add(cell(row.contentHash()));
            cells.add(cell(row.lexicon()));
            cells.add(row.take() == null ? "" : row.take());
            cells.add(row.review() == null ? "" : row.review().label());
            cells.add(cell(row.reviewReason()));
            cells.add(cell(row.captions()));
            cells.add(cell(row.captionTiming()));
            for (int index : header.passThrough()) {
                cells.add(cell(index < row.values().size() ? row.values().get(index) : ""));
            }
            results.printRecord(cells);
            if (row.status() != ResultRow.Status.SUCCEEDED && !row.values().isEmpty()) {
                failed.printRecord(row.values());
            }
        }
        results.flush();
        failed.flush();
    }

    private static String decibels(Double value) {
        return value == null ? "" : String.format(Locale.ROOT, "%.1f", value);
    }

    /** A cell a spreadsheet would run as a formula gets a leading apostrophe (unless turned off). */
    String cell(String value) {
        if (value == null) {
            return "";
        }
        return neutraliseFormulas ? SpreadsheetCells.neutralised(value) : value;
    }

    @Override
    public void close() {
        try {
            if (results != null) {
                results.close();
            }
            if (failed != null) {
                failed.close();
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Publishes failed.csv, then results.csv: a results file is never newer than the failed rows beside it. Whatever
     * was not published is removed.
     */
    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        try (AtomicFile results = resultsFile; AtomicFile failedRows = failedFile) {
            if (stepExecution.getStatus().isUnsuccessful() || results == null) {
                return null;
            }
            close();
            for (AtomicFile file : List.of(failedRows, results)) {
                try {
                    file.publish();
                }
                catch (IOException e) {
                    return PublicationException.failed(stepExecution, file.target(), e);
                }
            }
            return null;
        }
    }
}
