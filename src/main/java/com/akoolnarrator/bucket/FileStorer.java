package com.akoolnarrator.bucket;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ItemProcessor;

import com.akoolnarrator.storage.OutputFolder;
import com.akoolnarrator.storage.Sha256;

/**
 * Stores a row's MP3 (and its captions) in the bucket, create-only and checked by the server against its SHA-256,
 * then deletes it from the state folder: a file waits on disk only between its download and its upload. What cannot
 * be stored stays on disk with the reason, for the next run to store without asking Akool for it again.
 */
class FileStorer implements ItemProcessor<ToStore, FileStorer.Outcome>, StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger("narrator");

    private final ObjectStore store;
    private final OutputFolder folder;
    private final AtomicInteger created = new AtomicInteger();
    private final AtomicInteger alreadyThere = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger captionsKept = new AtomicInteger();
    private final AtomicLong bytes = new AtomicLong();

    FileStorer(ObjectStore store, OutputFolder folder) {
        this.store = store;
        this.folder = folder;
    }

    /** What storing a row's files came to: the stored object's SHA-256, or why it is not stored. */
    record Outcome(String key, String stored, String error) {
    }

    @Override
    public Outcome process(ToStore row) {
        try {
            Path local = folder.resolve(row.file());
            if (!Files.isRegularFile(local)) {
                return storedEarlier(row);
            }
            String sha256 = Sha256.ofFile(local);
            if (!sha256.equals(row.sha256())) {
                return failed(row, row.file() + " changed on disk since it was checked; run again to check it anew");
            }
            long size = Files.size(local);
            ObjectStore.Created mp3 = store.createOnly(row.file(), local, sha256, ContentTypes.of(row.file()),
                    StoredMetadata.of(row));
            if (mp3 == ObjectStore.Created.CONFLICT) {
                return failed(row, store.address().uri(row.file()) + " already holds other bytes, and the job never"
                        + " overwrites an object: delete it or give the row another file name, then run again (this"
                        + " narration waits on disk and is not paid for again)");
            }
            for (String caption : row.captions()) {
                Path captionFile = folder.resolve(caption);
                if (Files.isRegularFile(captionFile) && store.createOnly(caption, captionFile, Sha256.ofFile(captionFile),
                        ContentTypes.of(caption), Map.of()) == ObjectStore.Created.CONFLICT) {
                    captionsKept.incrementAndGet(); // captions of the same narration, made before: kept as they are
                }
            }
            Files.delete(local);
            (mp3 == ObjectStore.Created.CREATED ? created : alreadyThere).incrementAndGet();
            bytes.addAndGet(size);
            return new Outcome(row.key(), sha256, null);
        }
        catch (BucketException e) {
            return failed(row, e.getMessage() + "; it waits on disk and the next run stores it, without narrating it again");
        }
        catch (IOException e) {
            return failed(row, "cannot read " + row.file() + " to store it: " + e.getMessage());
        }
    }

    /** The MP3 is no longer on disk: stored by an earlier try whose record was lost, or taken from the bucket. */
    private Outcome storedEarlier(ToStore row) {
        if (store.holds(row.file(), row.sha256())) {
            alreadyThere.incrementAndGet();
            return new Outcome(row.key(), row.sha256(), null);
        }
        return failed(row, row.file() + " is neither on disk nor in the bucket as recorded; run again to download it"
                + " again (Akool keeps it for narrator.result-retention)");
    }

    private Outcome failed(ToStore row, String why) {
        failed.incrementAndGet();
        log.warn("Not stored: {}", why);
        return new Outcome(row.key(), null, why);
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        int stored = created.get() + alreadyThere.get();
        if (stored + failed.get() > 0) {
            log.info(String.format(Locale.ROOT, "Stored %d %s in %s (%d created, %d already there from an earlier try;"
                    + " %.1f MB); %d not stored (results.csv says why)", stored, stored == 1 ? "file" : "files",
                    store.address(), created.get(), alreadyThere.get(), bytes.get() / (1024.0 * 1024), failed.get()));
        }
        if (captionsKept.get() > 0) {
            log.info("{} caption files were in the bucket already with other cues; kept as they are (objects are never"
                    + " overwritten)", captionsKept.get());
        }
        return null;
    }
}
