package com.akoolnarrator.tags;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.akoolnarrator.input.SpreadsheetCells;
import com.akoolnarrator.storage.Mp3Format;
import com.akoolnarrator.storage.OutputFolder;
import com.akoolnarrator.storage.RecordedFile;
import com.akoolnarrator.storage.Sha256;

/**
 * What an output folder itself shows was narrated into it, whatever its job database remembers: an MP3 whose tag
 * carries a narration's content hash holds that narration; so does one that results.csv lists as SUCCEEDED with that
 * content hash and the file's own sha256. This is how a folder whose {@code .narrator} was lost, or whose job database
 * opens at an older state, is continued without paying again for what is on disk.
 */
final class NarratedFolder implements NarratedFiles {

    private static final Logger log = LoggerFactory.getLogger("narrator");

    /** The results.csv columns read here (see docs/results.md). */
    private static final String ID = "id";
    private static final String STATUS = "status";
    private static final String FILE = "file";
    private static final String SHA256 = "sha256";
    private static final String CONTENT_HASH = "content_hash";
    private static final String AKOOL_ID = "akool_id";
    private static final String ATTEMPTS = "attempts";

    private final OutputFolder folder;
    private Map<String, Listed> listed;

    NarratedFolder(OutputFolder folder) {
        this.folder = folder;
    }

    @Override
    public boolean holds(String file, RecordedFile recorded, String stored) {
        try {
            return recorded.isHeldBy(folder.resolve(file));
        }
        catch (IllegalArgumentException e) {
            return false;
        }
    }

    private record Listed(String file, String sha256, String contentHash, String akoolIds, int attempts) {
    }

    @Override
    public Optional<Found> find(String rowId, String file, String contentHash) {
        Path path;
        try {
            path = folder.resolve(file);
        }
        catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!Files.isRegularFile(path)) {
            return Optional.empty();
        }
        try {
            Optional<Id3Reader.ReadTag> tag = Id3Reader.read(path);
            if (tag.isPresent() && tag.get().userText(FileTag.CONTENT_HASH).filter(contentHash::equals).isPresent()) {
                Listed row = listed().get(rowId);
                int attempts = row != null && row.contentHash().equals(contentHash) ? row.attempts() : 1;
                return Optional.of(found(path, tag.get().userText(FileTag.AKOOL_JOB_ID).orElse(null), attempts,
                        tag.get().trackTags().encode()));
            }
            Listed row = listed().get(rowId);
            if (row == null || !row.file().equals(file) || !row.contentHash().equals(contentHash)) {
                return Optional.empty();
            }
            Found found = found(path, row.akoolIds(), row.attempts(), null);
            return found.sha256().equals(row.sha256()) ? Optional.of(found) : Optional.empty();
        }
        catch (IOException e) {
            log.debug("Could not read {} to recognise it: {}", file, e.getMessage());
            return Optional.empty();
        }
    }

    private static Found found(Path path, String akoolIds, int attempts, String taggedWith) throws IOException {
        return new Found(Files.size(path), Sha256.ofFile(path), Math.round(Mp3Format.durationSeconds(path) * 1000) / 1000.0,
                akoolIds == null || akoolIds.isBlank() ? null : akoolIds.strip(), Math.max(1, attempts), taggedWith);
    }

    /** results.csv's succeeded rows that say which narration they hold, by id; read once, when first needed. */
    private Map<String, Listed> listed() {
        if (listed != null) {
            return listed;
        }
        listed = new HashMap<>();
        Path results = folder.root().resolve("results.csv");
        if (!Files.isRegularFile(results)) {
            return listed;
        }
        try (Reader reader = Files.newBufferedReader(results, StandardCharsets.UTF_8)) {
            for (CSVRecord row : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                if (!row.isMapped(CONTENT_HASH) || !row.isSet(CONTENT_HASH) || !"SUCCEEDED".equals(row.get(STATUS))) {
                    continue;
                }
                listed.put(SpreadsheetCells.restored(row.get(ID)), new Listed(SpreadsheetCells.restored(row.get(FILE)),
                        row.get(SHA256), row.get(CONTENT_HASH), SpreadsheetCells.restored(row.get(AKOOL_ID)),
                        attempts(row.get(ATTEMPTS))));
            }
        }
        catch (IOException | RuntimeException e) {
            log.warn("results.csv in {} cannot be read ({}): the folder's MP3s are recognised by their tags alone",
                    folder.root(), e.getMessage());
        }
        return listed;
    }

    private static int attempts(String cell) {
        try {
            return Integer.parseInt(cell.strip());
        }
        catch (NumberFormatException e) {
            return 1;
        }
    }
}
