package com.akoolnarrator.audio;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;

import com.akoolnarrator.ledger.CheckedAudio;
import com.akoolnarrator.storage.AtomicFile;
import com.akoolnarrator.storage.DownloadedAudio;
import com.akoolnarrator.storage.OutputFolder;
import com.akoolnarrator.storage.Sha256;

/**
 * Listens to an MP3 just put in the output folder: measures it, levels it to {@code narrator.audio.loudness-target}
 * when one is set (the file is replaced in one step, and its size and sha256 are the levelled file's), and flags it.
 */
public class AudioInspector {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final AudioProperties settings;
    private final AudioMeter meter;
    private final AudioCheck check;
    /** A download thread waits here for its turn to check: the downloads in flight may outnumber the processors. */
    private final Semaphore checking;
    private final LongAdder filesChecked = new LongAdder();
    private final DoubleAdder audioSeconds = new DoubleAdder();
    private final LongAdder processorNanos = new LongAdder();

    public AudioInspector(AudioProperties settings) {
        this.settings = settings;
        this.meter = new AudioMeter(settings.silenceThreshold(), settings.decoder());
        this.check = new AudioCheck(settings);
        this.checking = new Semaphore(settings.checksAtOnce());
    }

    /** Whether files are checked at all ({@code narrator.audio.checks}). */
    public boolean isOn() {
        return settings.checks();
    }

    /** @return the audio as it now is on disk, and what was found in it: no findings with the checks off */
    public Inspected inspect(OutputFolder folder, DownloadedAudio audio) {
        if (!isOn()) {
            return new Inspected(audio, null);
        }
        checking.acquireUninterruptibly();
        long started = THREADS.getCurrentThreadCpuTime();
        try {
            Inspected inspected = measured(folder, audio);
            filesChecked.increment();
            if (inspected.findings().measurement() != null) {
                audioSeconds.add(inspected.findings().measurement().seconds());
            }
            return inspected;
        }
        finally {
            processorNanos.add(THREADS.getCurrentThreadCpuTime() - started);
            checking.release();
        }
    }

    /** What checking has cost since the process started: for the run's last lines and the benchmark. */
    public String tally() {
        double processor = processorNanos.sum() / 1e9;
        return String.format(Locale.ROOT, "%d files, %.0f s of audio measured in %.1f s of processor time (%.0f s of"
                + " audio a second)", filesChecked.sum(), audioSeconds.sum(), processor,
                processor == 0 ? 0 : audioSeconds.sum() / processor);
    }

    private Inspected measured(OutputFolder folder, DownloadedAudio audio) {
        Path file = folder.resolve(audio.file());
        AudioMeasurement measured;
        try {
            measured = meter.measure(file);
        }
        catch (UndecodableAudioException e) {
            return new Inspected(audio, AudioFindings.undecodable());
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot read " + audio.file() + " to check it", e);
        }
        int steps = levellingSteps(measured);
        if (steps == 0) {
            return new Inspected(audio, new AudioFindings(measured, 0, check.flags(measured)));
        }
        DownloadedAudio levelledFile = level(file, audio, steps);
        if (levelledFile == null) {
            return new Inspected(audio, new AudioFindings(measured, 0, check.flags(measured)));
        }
        double gain = steps * GlobalGain.STEP_DB;
        AudioMeasurement levelled = measured.withGain(gain);
        return new Inspected(levelledFile, new AudioFindings(levelled, gain, check.flags(levelled)));
    }

    /** Global-gain steps to the target, as near as 1.5 dB steps go, never lifting the peak above the ceiling. */
    int levellingSteps(AudioMeasurement measured) {
        Double target = settings.loudnessTarget();
        if (target == null || measured.silent() || measured.loudnessLufs() == null || measured.peakDbfs() == null) {
            return 0;
        }
        int steps = (int) Math.round((target - measured.loudnessLufs()) / GlobalGain.STEP_DB);
        if (steps > 0) {
            int headroom = (int) Math.floor((settings.peakCeiling() - measured.peakDbfs()) / GlobalGain.STEP_DB);
            steps = Math.max(0, Math.min(steps, headroom));
        }
        return steps;
    }

    /** The file levelled in place, or {@code null} when it has no Layer III frame to level (MPEG Layer II, say). */
    private static DownloadedAudio level(Path file, DownloadedAudio audio, int steps) {
        try (AtomicFile levelled = AtomicFile.beside(file)) {
            MessageDigest sha256 = Sha256.newDigest();
            long changed;
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024);
                    OutputStream out = new DigestOutputStream(
                            new BufferedOutputStream(Files.newOutputStream(levelled.path()), 64 * 1024), sha256)) {
                changed = GlobalGain.apply(in, out, steps);
            }
            if (changed == 0) {
                return null;
            }
            long bytes = Files.size(levelled.path());
            levelled.publish();
            return new DownloadedAudio(audio.file(), bytes, Sha256.hex(sha256), audio.durationSeconds());
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot level " + audio.file(), e);
        }
    }

    /** An MP3 on disk as it now is, and what the check found in it ({@code null} with the checks off). */
    public record Inspected(DownloadedAudio audio, AudioFindings findings) {

        /** The findings as the ledger keeps them; null when the check is off ({@code narrator.audio.checks=false}). */
        public CheckedAudio checked() {
            return findings == null ? null : findings.asChecked();
        }
    }
}
