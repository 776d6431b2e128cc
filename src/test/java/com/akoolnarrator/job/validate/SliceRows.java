package com.akoolnarrator.job.validate;

import java.time.Duration;
import java.util.List;

import com.akoolnarrator.input.TrackTags;
import com.akoolnarrator.ledger.LedgerSlice;
import com.akoolnarrator.ledger.LedgerStore;
import com.akoolnarrator.tags.NarratedFiles;

/**
 * Rows put in the ledger as the validate step records them, for the slices of the kernel and of the features that come
 * after validation: they need a run's rows, not the validation's own types.
 */
public final class SliceRows {

    private final LedgerStore store;
    private final RowRecorder recorder;
    private final ReusePolicy reuse = new ReusePolicy(Duration.ofDays(7), false);

    public SliceRows(LedgerSlice slice) {
        this.store = slice.store();
        this.recorder = new RowRecorder(store);
    }

    /** Records {@code rows} in {@code run}, in their own transaction, as the validate step's writer does. */
    public void record(LedgerSlice.Folder folder, long run, Row... rows) {
        recordAll(folder, run, rows);
    }

    RowRecorder.Recorded recordAll(LedgerSlice.Folder folder, long run, Row... rows) {
        List<ValidatedRow> validated = List.of(rows).stream().map(row -> row.validated).toList();
        return store.committedNow(() -> recorder.record(run, folder.scope(), validated, reuse,
                NarratedFiles.inFolder(folder.output())));
    }

    /** A valid row on {@code line}, read by the stock voice en-US-Jenny into {@code file}, tagged with its title. */
    public static Row row(long line, String id, String text, String file) {
        return row(line, id, text, file, new TrackTags("Title " + id, "Course", "", "", ""));
    }

    public static Row row(long line, String id, String text, String file, TrackTags tags) {
        return valid(line, new NarrationSpec(id, text, "en-US-Jenny", null, "100%", null, file, null, tags));
    }

    /** A long script's row, narrated in {@code parts} and joined into {@code file}. */
    public static Row script(long line, String id, String file, List<String> parts) {
        return valid(line, new NarrationSpec(id, String.join(" ", parts), "en-US-Jenny", null, "100%", null, file,
                parts, TrackTags.NONE));
    }

    /** A row the validation rejected, for {@code reason}. */
    public static Row invalid(long line, String id, String reason) {
        return new Row(ValidatedRow.invalid(line, id, List.of(id, ""), reason));
    }

    private static Row valid(long line, NarrationSpec spec) {
        return new Row(ValidatedRow.valid(line, List.of(spec.rowId(), spec.text(), spec.voiceId()), spec, List.of()));
    }

    /** A row as the validate step hands it to its writer. */
    public static final class Row {

        final ValidatedRow validated;

        Row(ValidatedRow validated) {
            this.validated = validated;
        }

        public String id() {
            return validated.rowId();
        }

        public String file() {
            return validated.spec().outputFile();
        }

        public TrackTags tags() {
            return validated.spec().tags();
        }

        public String contentHash() {
            return validated.spec().contentHash();
        }

        /** The ledger's key of the row's narration in {@code folder}. */
        public String key(LedgerSlice.Folder folder) {
            return validated.spec().narrationKey(folder.scope());
        }
    }
}
