package com.akoolnarrator.ledger;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.akoolnarrator.storage.OutputFolder;

/**
 * Where an Akool job that was accepted (and billed) goes when the job database cannot take it: a small file in the
 * output folder's {@code .narrator/}, a line a job, forced to disk, that the next run records in the ledger before it
 * does anything else. Its space is reserved when the submit step starts, so that a disk that fills up meanwhile still
 * takes it; should even that fail (more jobs than the reserve, on a full disk), the job is logged in one line with what
 * the ledger would have kept, so that it is never silently lost.
 */
public final class AcceptedJournal {

    private static final Logger log = LoggerFactory.getLogger("narrator");
    static final String FILE = "accepted.journal";
    /** About two thousand jobs' worth, written as blank lines, which readers pass over. */
    static final int RESERVE = 256 * 1024;

    private final Path file;
    private long reservedUpTo;
    private long next;

    private AcceptedJournal(Path file) {
        this.file = file;
    }

    /** The folder's journal, to read and forget what it holds. */
    public static AcceptedJournal of(OutputFolder folder) {
        return new AcceptedJournal(folder.root().resolve(OutputFolder.STATE_FOLDER).resolve(FILE));
    }

    /** The folder's journal, its space reserved now (after what it holds, if anything), to keep jobs in. */
    public static AcceptedJournal reserve(OutputFolder folder) {
        AcceptedJournal journal = of(folder);
        StringBuilder kept = new StringBuilder();
        journal.entries().forEach(entry -> kept.append(entry.line()).append('\n'));
        byte[] held = kept.toString().getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[held.length + RESERVE];
        System.arraycopy(held, 0, content, 0, held.length);
        Arrays.fill(content, held.length, content.length, (byte) '\n');
        try (FileChannel channel = FileChannel.open(journal.file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            channel.write(ByteBuffer.wrap(content));
            channel.force(true);
            journal.next = held.length;
            journal.reservedUpTo = content.length;
        }
        catch (IOException e) {
            log.warn("Could not reserve {} ({}): should the job database fail, accepted jobs are kept there if the disk"
                    + " allows", journal.file, e.getMessage());
        }
        return journal;
    }

    Path file() {
        return file;
    }

    /** A job Akool accepted for a narration, kept until the ledger has it. */
    record Entry(String key, String akoolId, String audioUrl) {

        String line() {
            return key + "\t" + akoolId + "\t" + (audioUrl == null ? "" : audioUrl);
        }

        static Entry parse(String line) {
            String[] cells = line.split("\t", -1);
            return cells.length < 2 || cells[0].isBlank() || cells[1].isBlank() ? null
                    : new Entry(cells[0], cells[1], cells.length > 2 && !cells[2].isBlank() ? cells[2] : null);
        }
    }

    /** @param completedUrl the job's audio when Akool answered it completed at once, else null */
    synchronized void keep(String key, String akoolId, String completedUrl) {
        Entry entry = new Entry(key, akoolId, completedUrl);
        ByteBuffer line = StandardCharsets.UTF_8.encode(entry.line() + "\n");
        boolean fits = next + line.remaining() < reservedUpTo; // a blank line stays after it: the reserve's end
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            long at = fits ? next : Math.max(channel.size(), reservedUpTo);
            int written = line.remaining();
            channel.write(line, at);
            channel.force(true);
            next = at + written;
        }
        catch (IOException e) {
            log.error("Akool accepted job {} for narration {}, and neither the job database nor {} can keep it ({}):"
                    + " the next run cannot know it was paid for", akoolId, key, file, e.getMessage());
        }
    }

    /**
     * What the journal holds, passing over its reserve; nothing when there is no journal. A line that is not UTF-8 (a
     * write cut short, a damaged disk) is passed over with a warning naming it: the journal keeps facts Akool can
     * confirm, and the lines around it are still good.
     */
    List<Entry> entries() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        }
        catch (NoSuchFileException e) {
            return List.of();
        }
        catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
        List<Entry> entries = new ArrayList<>();
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder();
        int lineNumber = 0;
        for (int start = 0, end; start < bytes.length; start = end + 1) {
            end = indexOf(bytes, (byte) '\n', start);
            lineNumber++;
            try {
                Entry entry = Entry.parse(utf8.decode(ByteBuffer.wrap(bytes, start, end - start)).toString());
                if (entry != null) {
                    entries.add(entry);
                }
            }
            catch (CharacterCodingException e) {
                log.warn("Line {} of {} is not readable text (a write cut short?) and is passed over; the job it may name"
                        + " is not followed, the other lines are", lineNumber, file);
            }
        }
        return entries;
    }

    private static int indexOf(byte[] bytes, byte value, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == value) {
                return i;
            }
        }
        return bytes.length;
    }

    /** Its jobs are in the ledger: the journal goes (the next submit step reserves a new one). */
    void forget() {
        try {
            Files.deleteIfExists(file);
        }
        catch (IOException e) {
            log.warn("Could not delete {} ({}); its jobs are recorded, and recording them again changes nothing", file,
                    e.getMessage());
        }
    }
}
