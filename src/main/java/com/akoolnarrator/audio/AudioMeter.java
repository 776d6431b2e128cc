package com.akoolnarrator.audio;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import javazoom.jl.decoder.Bitstream;
import javazoom.jl.decoder.BitstreamException;
import javazoom.jl.decoder.Decoder;
import javazoom.jl.decoder.DecoderException;
import javazoom.jl.decoder.Header;
import javazoom.jl.decoder.SampleBuffer;

/**
 * Decodes an MP3 frame by frame (JLayer) and measures it as it goes: loudness, peak, clipping and silences. Nothing
 * but a frame's samples is held, so a long script's file is measured in the same memory as a short one.
 */
public final class AudioMeter {

    private static final int CLIP_RUN = 3;
    private static final double SILENCE_WINDOW_SECONDS = 0.05;

    private final double silenceThresholdDbfs;

    /** @param silenceThresholdDbfs a 50 ms window quieter than this (RMS) holds no speech */
    public AudioMeter(double silenceThresholdDbfs) {
        this.silenceThresholdDbfs = silenceThresholdDbfs;
    }

    /** @throws UndecodableAudioException when the frames cannot be decoded */
    public AudioMeasurement measure(Path mp3) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(mp3), 64 * 1024)) {
            return measure(in);
        }
    }

    AudioMeasurement measure(InputStream in) {
        Bitstream bitstream = new Bitstream(in);
        Decoder decoder = new Decoder();
        Measuring measuring = null;
        try {
            Header header;
            while ((header = bitstream.readFrame()) != null) {
                SampleBuffer decoded = (SampleBuffer) decoder.decodeFrame(header, bitstream);
                if (measuring == null) {
                    measuring = new Measuring(decoded.getSampleFrequency(), decoded.getChannelCount());
                }
                measuring.accept(decoded.getBuffer(), decoded.getBufferLength());
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

    /** The running measurements of one file. */
    private final class Measuring {
        private final int rate;
        private final int channels;
        private final LoudnessMeter loudness;
        private float[] scaled = new float[2304];
        private long frames;
        private int peak;
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
            // mean square of full-scale-1.0 samples, against a threshold in dBFS (RMS)
            this.windowThreshold = Math.pow(10, silenceThresholdDbfs / 10) * 32768.0 * 32768.0;
        }

        void accept(short[] samples, int length) {
            if (scaled.length < length) {
                scaled = new float[length];
            }
            for (int i = 0; i + channels <= length; i += channels) {
                double energy = 0;
                for (int c = 0; c < channels; c++) {
                    int sample = samples[i + c];
                    scaled[i + c] = sample / 32768f;
                    int magnitude = Math.abs(sample);
                    if (magnitude > peak) {
                        peak = magnitude;
                    }
                    countClipping(c, magnitude >= 32767);
                    energy += (double) sample * sample;
                }
                windowEnergy += energy / channels;
                if (++windowFill == windowFrames) {
                    endWindow();
                }
            }
            frames += length / channels;
            loudness.accept(scaled, length);
        }

        private void countClipping(int channel, boolean atFullScale) {
            if (atFullScale) {
                clipRun[channel]++;
            }
            else {
                endClipRun(channel);
            }
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
                    peak == 0 ? null : 20 * Math.log10(peak / 32768.0), clipped, longestSilence * window,
                    longestSilenceStart * window, !heardSpeech);
        }
    }
}
