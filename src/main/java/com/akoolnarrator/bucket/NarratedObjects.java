package com.akoolnarrator.bucket;

import java.util.Map;
import java.util.Optional;

import com.akoolnarrator.storage.OutputFolder;
import com.akoolnarrator.storage.RecordedFile;
import com.akoolnarrator.tags.NarratedFiles;

/**
 * What a bucket shows was narrated into it: an object stored with a narration's content hash holds that narration
 * ({@link StoredMetadata}); a file still waiting in the state folder counts as the folder's would. The prefix is listed
 * once, so that only objects that exist are asked about, one HEAD each.
 */
final class NarratedObjects implements NarratedFiles {

    private final ObjectStore store;
    private final NarratedFiles staged;
    private Map<String, Long> listed;

    NarratedObjects(ObjectStore store, OutputFolder stateFolder) {
        this.store = store;
        this.staged = NarratedFiles.inFolder(stateFolder);
    }

    @Override
    public boolean holds(String file, RecordedFile recorded, String stored) {
        if (staged.holds(file, recorded, null)) {
            return true;
        }
        // stored as the ledger has it: the object is ours (created only once, checked by the server) and still there
        return stored != null && stored.equalsIgnoreCase(recorded.sha256()) && sizeOf(file) == recorded.bytes();
    }

    @Override
    public Optional<Found> find(String rowId, String file, String contentHash) {
        Optional<Found> waiting = staged.find(rowId, file, contentHash);
        if (waiting.isPresent() || sizeOf(file) < 0) {
            return waiting;
        }
        return store.head(file).filter(object -> StoredMetadata.contentHash(object.metadata()).filter(contentHash::equals)
            .isPresent() && object.sha256().isPresent())
            .map(object -> new Found(object.bytes(), object.sha256().get(), StoredMetadata.seconds(object.metadata()),
                    StoredMetadata.akoolIds(object.metadata()), StoredMetadata.attempts(object.metadata()),
                    StoredMetadata.tags(object.metadata())));
    }

    /** The object's size as the listing shows it; -1 when the bucket has no such object. */
    private synchronized long sizeOf(String file) {
        if (listed == null) {
            listed = store.sizes();
        }
        return listed.getOrDefault(file, -1L);
    }
}
