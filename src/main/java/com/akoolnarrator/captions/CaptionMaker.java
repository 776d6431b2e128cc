package com.akoolnarrator.captions;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ItemProcessor;

import com.akoolnarrator.audio.Pause;
import com.akoolnarrator.ledger.CheckedAudio;
import com.akoolnarrator.storage.OutputFolder;
import com.akoolnarrator.storage.Sha256;

/**
 * The captions step's processor: a file whose captions are missing, or were made from other text or audio, gets
 * them, one cue per sentence of its text as written (the lexicon changes what is said, never what is shown), timed at
 * the pauses the audio check found in it; files whose captions are as they should be pass. Its tally (files, how they
 * were timed, the time it took) is logged when the step ends.
 */
class CaptionMaker implements ItemProcessor<ToCaption, Captioned>, StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger("narrator");

    private final OutputFolder folder;
    private final Integer textColumn;
    private final List<String> formats;
    private long aligned;
    private long estimated;
    private long nanos;

    /**
     * @param textColumn where the text is among the input's columns
     * @param formats    {@code vtt}, {@code srt}, both or none ({@code narrator.captions})
     */
    CaptionMaker(OutputFolder folder, Integer textColumn, List<String> formats) {
        this.folder = folder;
        this.textColumn = textColumn;
        this.formats = formats;
    }

    @Override
    public Captioned process(ToCaption file) throws IOException {
        if (formats.isEmpty() || textColumn == null || textColumn >= file.values().size()
                || !Files.isRegularFile(folder.resolve(file.file()))) {
            return null; // an MP3 stored in the output's bucket keeps the captions stored with it
        }
        long started = System.nanoTime();
        String written = file.values().get(textColumn);
        List<String> names = new ArrayList<>(formats.size());
        for (String format : formats) {
            names.add(CaptionFiles.nameOf(file.file(), format));
        }
        CheckedAudio audio = file.audio();
        String source = Sha256.of(String.join("\u0000", written, String.valueOf(file.seconds()),
                audio == null ? "" : String.valueOf(audio.pauses()), audio == null ? "" : audio.flags(),
                String.join(" ", names)));
        if (source.equals(file.captioned()) && names.stream().allMatch(name -> Files.isRegularFile(folder.resolve(name)))) {
            return null;
        }
        boolean measured = audio != null && audio.seconds() != null && audio.pauses() != null;
        CaptionAligner.Timed timed = CaptionAligner.time(CueTexts.of(written), measured ? audio.seconds() : file.seconds(),
                measured ? Pause.decode(audio.pauses()) : null, audio == null ? null : audio.flags());
        for (int i = 0; i < formats.size(); i++) {
            CaptionFiles.write(folder.resolve(names.get(i)), formats.get(i), timed.cues());
        }
        synchronized (this) {
            aligned += timed.aligned() ? 1 : 0;
            estimated += timed.aligned() ? 0 : 1;
            nanos += System.nanoTime() - started;
        }
        return new Captioned(file.key(), source, String.join(" ", names), timed.timing());
    }

    @Override
    public synchronized ExitStatus afterStep(StepExecution stepExecution) {
        if (aligned + estimated > 0) {
            long files = aligned + estimated;
            log.info(String.format(Locale.ROOT, "Captions: %d %s captioned (%d aligned to their pauses, %d estimated from"
                    + " the text; results.csv says why) in %.2f s of processing", files, files == 1 ? "file" : "files", aligned, estimated,
                    nanos / 1e9));
        }
        return null;
    }
}
