package com.akoolnarrator.audio;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import javazoom.jl.decoder.Bitstream;
import javazoom.jl.decoder.BitstreamException;
import javazoom.jl.decoder.Decoder;
import javazoom.jl.decoder.DecoderException;
import javazoom.jl.decoder.Header;
import javazoom.jl.decoder.Obuffer;

import com.akoolnarrator.storage.FileRanges;


/**
 * Decodes an MP3 frame by frame (JLayer) and measures it as it goes: loudness, peak, clipping and silences. Nothing
 * but a frame's samples is held, so a long script's file is measured in the same memory as a short one.
 */
public final class AudioMeter {

    private static final int CLIP_RUN = 3;
    /** What the decoder's floats are scaled to: 16-bit samples. */
    private static final float FULL_SCALE = 32768f;
    /** A sample at or past this is cut off in 16-bit audio. */
    private static final float CLIPPING = 32767f;
    private static final double SILENCE_WINDOW_SECONDS = 0.05;

    private final double silenceThresholdDbfs;

    /** @param silenceThresholdDbfs a 50 ms window quieter than this (RMS) holds no speech */
    public AudioMeter(double silenceThresholdDbfs) {
        this.silenceThresholdDbfs = silenceThresholdDbfs;
    }

    /**
     * Decodes the file's audio and measures it. The decoder is handed the audio alone, past the leading ID3v2 tag: it
     * would otherwise allocate whatever size the tag's header declares (256 MB for a forged one), before reading a byte.
     *
     * @throws UndecodableAudioException when the frames cannot be decoded, or the tag claims more than the file holds
     */
    public AudioMeasurement measure(Path mp3) throws IOException {
        try (FileChannel channel = FileChannel.open(mp3, StandardOpenOption.READ)) {
            FileRanges.AudioBounds audio;
            try {
                audio = FileRanges.audioBounds(channel, mp3);
            }
            catch (FileRanges.TagLongerThanFileException e) {
                throw new UndecodableAudioException(e.getMessage(), e);
            }
            channel.position(audio.start());
            try (InputStream in = new BufferedInputStream(Channels.newInputStream(channel), 64 * 1024)) {
                return measure(in);
            }
        }
    }

    AudioMeasurement measure(InputStream in) {
        Bitstream bitstream = new Bitstream(in);
        Decoder decoder = new Decoder();
        Measuring measuring = null;
        try {
            Header header;
            while ((header = bitstream.readFrame()) != null) {
                if (measuring == null) {
                    measuring = new Measuring(header.frequency(), header.mode() == Header.SINGLE_CHANNEL ? 1 : 2);
                    decoder.setOutputBuffer(measuring);
                }
                decoder.decodeFrame(header, bitstream);
                bitstream.closeFrame();
            }
        }
        catch (BitstreamException | DecoderException | RuntimeException e) {
            throw new UndecodableAudioException("its MPEG audio frames cannot be decoded ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
        }
        finally {
            try {
                bitstream.close();
            }
            catch (BitstreamException ignored) {
                // the stream is closed by the caller as well
            }
        }
        if (measuring == null) {
            throw new UndecodableAudioException("it holds no MPEG audio frame", null);
        }
        return measuring.result();
    }

    /**
     * The decoder's output, measured as it comes: the synthesis filter hands over 32 samples of a channel at a time,
     * as floats at 16-bit scale, before any conversion to 16-bit samples (which would cost as much as measuring).
     */
    private final class Measuring extends Obuffer {
        private final int rate;
        private final int channels;
        private final LoudnessMeter loudness;
        /** A granule of the first channel: 576 samples (MPEG-1 Layer III), at most 1,152 (Layer II). */
        private final float[] firstChannel = new float[1152];
        private int firstHeld;
        private int firstPaired;
        private long frames;
        private float peak;
        private long clipped;
        private final int[] clipRun;
        private final int windowFrames;
        private final double windowThreshold;
        private double windowEnergy;
        private int windowFill;
        private long windows;
        private boolean heardSpeech;
        private long silentRun;
        private long longestSilence;
        private long longestSilenceStart;

        Measuring(int rate, int channels) {
            this.rate = rate;
            this.channels = channels;
            this.loudness = new LoudnessMeter(rate, channels);
            this.clipRun = new int[channels];
            this.windowFrames = Math.max(1, (int) Math.round(rate * SILENCE_WINDOW_SECONDS));
            // mean square of samples at 16-bit scale, against a threshold in dBFS (RMS)
            this.windowThreshold = Math.pow(10, silenceThresholdDbfs / 10) * FULL_SCALE * FULL_SCALE;
        }

        /**
         * A stereo granule comes as all of the first channel's samples, then all of the second's: the first channel's
         * wait here for their pair.
         */
        @Override
        public void appendSamples(int channel, float[] samples) {
            if (channels == 1) {
                accept(samples, 0, null, samples.length);
            }
            else if (channel == 0) {
                System.arraycopy(samples, 0, firstChannel, firstHeld, samples.length);
                firstHeld += samples.length;
            }
            else {
                accept(firstChannel, firstPaired, samples, samples.length);
                firstPaired += samples.length;
                if (firstPaired == firstHeld) {
                    firstHeld = 0;
                    firstPaired = 0;
                }
            }
        }

        private void accept(float[] left, int leftFrom, float[] right, int count) {
            for (int i = 0; i < count; i++) {
                double energy = measure(0, left[leftFrom + i]);
                if (right != null) {
                    energy = (energy + measure(1, right[i])) / 2;
                }
                windowEnergy += energy;
                if (++windowFill == windowFrames) {
                    endWindow();
                }
            }
            frames += count;
            loudness.accept(left, leftFrom, right, count);
        }

        /** Peak and clipping of one sample; its energy, for the silence windows. */
        private double measure(int channel, float sample) {
            float magnitude = Math.abs(sample);
            if (magnitude > peak) {
                peak = magnitude;
            }
            if (magnitude >= CLIPPING) {
                clipRun[channel]++;
            }
            else if (clipRun[channel] > 0) {
                endClipRun(channel);
            }
            return (double) sample * sample;
        }

        private void endClipRun(int channel) {
            if (clipRun[channel] >= CLIP_RUN) {
                clipped += clipRun[channel];
            }
            clipRun[channel] = 0;
        }

        private void endWindow() {
            boolean speech = windowEnergy / windowFrames >= windowThreshold;
            if (speech) {
                if (heardSpeech && silentRun > longestSilence) {
                    longestSilence = silentRun;
                    longestSilenceStart = windows - silentRun;
                }
                heardSpeech = true;
                silentRun = 0;
            }
            else if (heardSpeech) {
                silentRun++;
            }
            windows++;
            windowEnergy = 0;
            windowFill = 0;
        }

        AudioMeasurement result() {
            for (int c = 0; c < channels; c++) {
                endClipRun(c);
            }
            double window = (double) windowFrames / rate;
            return new AudioMeasurement(Math.round((double) frames / rate * 1000) / 1000.0, loudness.integrated(),
                    peak == 0 ? null : 20 * Math.log10(peak / FULL_SCALE), clipped, longestSilence * window,
                    longestSilenceStart * window, !heardSpeech);
        }

        @Override
        public void append(int channel, short value) {
            throw new UnsupportedOperationException("every MPEG layer's synthesis hands over 32 samples at once");
        }

        @Override
        public void write_buffer(int value) {
        }

        @Override
        public void close() {
        }

        @Override
        public void clear_buffer() {
        }

        @Override
        public void set_stop_flag() {
        }
    }
}
