package com.akoolnarrator.tags;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ItemProcessor;

import com.akoolnarrator.storage.OutputFolder;
import com.akoolnarrator.tags.FileTags.Untagged;

/**
 * The tag step's processor: gives one MP3 of the run the tags its row asks for (just downloaded or joined, or its row's
 * tag columns changed), without narrating anything again; a joined script gets a chapter per part. A file that cannot
 * be tagged stays as it is (the next run tags it), and the step says at its end how many.
 */
class FileTagger implements ItemProcessor<Untagged, FileTags.Tagged>, StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger("narrator");

    private static final int CHAPTER_TITLE = 60;

    private final FileTags fileTags;
    private final OutputFolder folder;
    private final Mp3Tagger tagger;
    private final AtomicInteger failed = new AtomicInteger();

    FileTagger(FileTags fileTags, OutputFolder folder) {
        this.fileTags = fileTags;
        this.folder = folder;
        this.tagger = new Mp3Tagger(folder);
    }

    @Override
    public FileTags.Tagged process(Untagged row) {
        try {
            // what the file carries matters only where the ledger does not know it all (a row taken from the folder)
            Id3Reader.ReadTag carried = row.split() || row.akoolIds() == null
                    ? Id3Reader.read(folder.resolve(row.file())).orElse(null) : null;
            FileTag tag = new FileTag(row.tags(), row.contentHash(), akoolIds(row, carried), chapters(row, carried));
            Mp3Tagger.Tagged file = tagger.tag(row.file(), tag);
            return new FileTags.Tagged(row.key(), row.tags(), file.bytes(), file.sha256());
        }
        catch (IOException | UncheckedIOException e) {
            failed.incrementAndGet();
            log.warn("Could not tag {}: {}; the next run tags it", row.file(), e.getMessage());
            return null;
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        if (failed.get() > 0) {
            log.warn("{} MP3s could not be tagged; they are narrated and listed in results.csv as they are", failed.get());
        }
        return null;
    }

    /** The ledger's, or, for a row taken from the folder, what the file already says. */
    private static String akoolIds(Untagged row, Id3Reader.ReadTag carried) {
        if (row.akoolIds() != null && !row.akoolIds().isBlank()) {
            return row.akoolIds();
        }
        return carried == null ? null : carried.userText(FileTag.AKOOL_JOB_ID).orElse(null);
    }

    /** A chapter per part, as long as the part plays; kept as the file has them when the ledger has no parts. */
    private List<Chapter> chapters(Untagged row, Id3Reader.ReadTag carried) {
        if (!row.split()) {
            return List.of();
        }
        List<FileTags.Part> parts = fileTags.parts(row.key());
        if (parts.isEmpty() || parts.stream().anyMatch(part -> part.seconds() == null)) {
            return carried == null ? List.of() : carried.chapters();
        }
        List<Chapter> chapters = new ArrayList<>(parts.size());
        double start = 0;
        for (int i = 0; i < parts.size(); i++) {
            double end = start + parts.get(i).seconds();
            chapters.add(new Chapter(Math.round(start * 1000), Math.round(end * 1000), title(i, parts.get(i).text())));
            start = end;
        }
        return chapters;
    }

    /** A chapter's title: the opening words of its part, cut at a word. */
    static String title(int index, String text) {
        if (text == null || text.isBlank()) {
            return "Part " + (index + 1);
        }
        String said = text.strip().replaceAll("\\s+", " ");
        if (said.length() <= CHAPTER_TITLE) {
            return said;
        }
        int cut = said.lastIndexOf(' ', CHAPTER_TITLE);
        return said.substring(0, cut > CHAPTER_TITLE / 2 ? cut : CHAPTER_TITLE) + "…";
    }
}
