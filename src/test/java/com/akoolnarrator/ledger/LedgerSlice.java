package com.akoolnarrator.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.database.JdbcCursorItemReader;

import com.akoolnarrator.input.InputFile;
import com.akoolnarrator.storage.OutputFolder;

/**
 * The ledger kernel's parts over a {@link SliceDatabase}, as LedgerConfiguration makes them, without a job, an HTTP
 * client or a simulator; and output folders whose runs they record. The slice tests of the kernel and of the features
 * that keep their own statements start from here.
 */
public final class LedgerSlice {

    /** Run ids unique across the test JVM's slices, which share a database. */
    private static final AtomicLong NEXT_RUN = new AtomicLong(System.nanoTime() % 1_000_000_000L * 1000);

    private final Path work;
    private final LedgerStore store;
    private final RunRegistry registry;
    private final AkoolJobFacts facts;
    private final LedgerReaders readers;
    private final RunStatistics statistics;
    private final LearntRates learntRates;
    private int folders;

    public LedgerSlice(SliceDatabase database, Path work) {
        this.work = work;
        this.store = database.store(Clock.systemUTC());
        this.registry = new RunRegistry(store);
        this.facts = new AkoolJobFacts(store, new SpendingGate(1, Duration.ofMillis(10)));
        this.readers = new LedgerReaders(database.dataSource(), store);
        this.statistics = new RunStatistics(store);
        this.learntRates = new LearntRates(store);
    }

    public LedgerStore store() {
        return store;
    }

    public RunRegistry registry() {
        return registry;
    }

    public AkoolJobFacts facts() {
        return facts;
    }

    public LedgerReaders readers() {
        return readers;
    }

    public RunStatistics statistics() {
        return statistics;
    }

    public LearntRates learntRates() {
        return learntRates;
    }

    /** A new, empty output folder with a scope of its own. */
    public Folder folder() throws IOException {
        return new Folder(Files.createDirectories(work.resolve("out-" + ++folders)), "scope-" + System.nanoTime());
    }

    /** Every item {@code reader} gives, read as a step reads it. */
    public static <T> List<T> read(JdbcCursorItemReader<T> reader) throws Exception {
        reader.open(new ExecutionContext());
        try {
            List<T> items = new ArrayList<>();
            for (T item = reader.read(); item != null; item = reader.read()) {
                items.add(item);
            }
            return items;
        }
        finally {
            reader.close();
        }
    }

    /** What a clean check of {@code seconds} of speech finds, with {@code flags} (names, separated by spaces). */
    public static CheckedAudio checked(double seconds, String flags) {
        return new CheckedAudio(seconds, -20.0, -3.0, 0, 0, 0.2, 0.5, flags, "0.00-0.10");
    }

    /** An output folder and its scope: the runs started in it, its accepted-jobs journal. */
    public final class Folder {

        private final Path root;
        private final OutputFolder output;
        private final String scope;

        Folder(Path root, String scope) {
            this.root = root;
            this.output = new OutputFolder(root);
            this.scope = scope;
        }

        public Path root() {
            return root;
        }

        public OutputFolder output() {
            return output;
        }

        public String scope() {
            return scope;
        }

        /** Starts a run in this folder and returns its id. */
        public long start() throws IOException {
            return start(false);
        }

        public long startDry() throws IOException {
            return start(true);
        }

        private long start(boolean dry) throws IOException {
            long run = NEXT_RUN.incrementAndGet();
            assertThat(registry.startRun(run, scope, input().source(), "sha", dry)).isTrue();
            return run;
        }

        /** The input file every run of a slice reads (its header only: the slices record rows themselves). */
        public InputFile input() throws IOException {
            Path csv = work.resolve("lessons.csv");
            if (!Files.exists(csv)) {
                Files.writeString(csv, "id,text,voice_id\n");
            }
            return InputFile.inspect(csv);
        }

        public AcceptedJournal journal() throws IOException {
            Files.createDirectories(output.stateFolder());
            return AcceptedJournal.reserve(output);
        }

        /** Notes a job Akool accepted in the folder's journal alone, as a crash before the ledger's commit leaves it. */
        public void journalOnly(String key, String akoolId, String audioUrl) throws IOException {
            journal().keep(key, akoolId, audioUrl);
        }
    }
}
