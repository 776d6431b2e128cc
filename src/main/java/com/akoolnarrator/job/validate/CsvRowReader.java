package com.akoolnarrator.job.validate;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

import com.akoolnarrator.input.InputFile;

/**
 * Streams the input's data records (never the whole file in memory), each with the line it starts on. A record that
 * breaks the CSV syntax (an unbalanced quote swallows the rest of the file) becomes one last record carrying the
 * problem, so that the job reports it instead of failing. Restartable: the item count is saved in the step context.
 */
class CsvRowReader extends AbstractItemCountingItemStreamItemReader<InputRecord> {

    private final InputFile input;
    private Reader reader;
    private CSVParser parser;
    private Iterator<CSVRecord> records;
    private long lastLine;
    private boolean broken;

    public CsvRowReader(InputFile input) {
        this.input = input;
        setName("inputRows");
    }

    @Override
    protected void doOpen() throws IOException {
        reader = InputFile.open(input.path());
        parser = input.format().parse(reader);
        records = parser.iterator();
        if (records.hasNext()) {
            records.next(); // the header, already understood by InputFile
        }
        lastLine = parser.getCurrentLineNumber();
        broken = false;
    }

    @Override
    protected InputRecord doRead() {
        while (!broken) {
            long startLine = lastLine + 1;
            try {
                if (!records.hasNext()) {
                    return null;
                }
                CSVRecord record = records.next();
                lastLine = parser.getCurrentLineNumber();
                if (record.size() == 1 && record.get(0).isEmpty()) {
                    continue; // blank line
                }
                return new InputRecord(startLine, record.toList(), null);
            }
            catch (UncheckedIOException | IllegalStateException e) {
                broken = true;
                return new InputRecord(startLine, List.of(), describe(startLine, e));
            }
        }
        return null;
    }

    private static String describe(long startLine, RuntimeException e) {
        String message = String.valueOf(e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
        if (message.contains("EOF reached before encapsulated token finished")) {
            return "line " + startLine + ": a quoted cell opens here and never closes, so everything after it was read"
                    + " as one cell and the rows below could not be read: close the quote (\") or double any quote"
                    + " inside the text (\"\")";
        }
        if (message.contains("invalid char between encapsulated token and delimiter")) {
            return "line " + startLine + ": text follows a closing quote inside a cell; the rows below could not be"
                    + " read: quote the whole cell and double any quote inside it (\"\")";
        }
        return "line " + startLine + ": cannot be read as CSV (" + message.replaceAll("\\(startline \\d+\\) ", "")
                + "); the rows below could not be read";
    }

    @Override
    protected void doClose() throws IOException {
        if (parser != null) {
            parser.close();
        }
        if (reader != null) {
            reader.close();
        }
    }
}
