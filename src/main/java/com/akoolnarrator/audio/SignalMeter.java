package com.akoolnarrator.audio;

import java.util.ArrayList;
import java.util.List;

/**
 * Measures decoded samples as they come, whichever decoder made them: loudness, peak, clipping and silences. Samples come
 * in blocks, at the decoder's scale (full scale 1.0 for FFmpeg's floats, 32,768 for JLayer's); each measurement runs
 * over a block in a loop of its own, on locals, since a measurement per sample through fields cost as much as decoding.
 */
final class SignalMeter {

    /** A sample at or past this share of full scale is cut off in 16-bit audio. */
    private static final float CLIPPING = 32767f / 32768f;
    private static final int CLIP_RUN = 3;
    private static final double SILENCE_WINDOW_SECONDS = 0.05;
    /** A file of a long script (hours) has thousands of pauses; past this many, the rest are not kept. */
    private static final int MAX_PAUSES = 20_000;

    private final int rate;
    private final int channels;
    private final float fullScale;
    private final float clipping;
    private final LoudnessMeter loudness;
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
    private final int pauseWindows;
    private final List<long[]> pauses = new ArrayList<>();

    /**
     * @param fullScale            the largest sample value the decoder gives
     * @param silenceThresholdDbfs a 50 ms window quieter than this (RMS) holds no speech
     */
    SignalMeter(int rate, int channels, float fullScale, double silenceThresholdDbfs) {
        this.rate = rate;
        this.channels = channels;
        this.fullScale = fullScale;
        this.clipping = CLIPPING * fullScale;
        this.loudness = new LoudnessMeter(rate, channels, fullScale);
        this.clipRun = new int[channels];
        this.windowFrames = Math.max(1, (int) Math.round(rate * SILENCE_WINDOW_SECONDS));
        this.pauseWindows = (int) Math.round(Pause.MIN_SECONDS / SILENCE_WINDOW_SECONDS);
        // mean square of samples at the decoder's scale, against a threshold in dBFS (RMS)
        this.windowThreshold = Math.pow(10, silenceThresholdDbfs / 10) * fullScale * fullScale;
    }

    int channels() {
        return channels;
    }

    /** {@code count} samples of each channel: the first's from {@code leftFrom}, the second's ({@code right} null for mono) from {@code rightFrom}. */
    void accept(float[] left, int leftFrom, float[] right, int rightFrom, int count) {
        int done = 0;
        while (done < count) {
            int n = Math.min(count - done, windowFrames - windowFill);
            double energy = energyAndPeak(0, left, leftFrom + done, n);
            if (right != null) {
                energy = (energy + energyAndPeak(1, right, rightFrom + done, n)) / 2;
            }
            windowEnergy += energy;
            windowFill += n;
            if (windowFill == windowFrames) {
                endWindow();
            }
            done += n;
        }
        frames += count;
        loudness.accept(left, leftFrom, right, rightFrom, count);
    }

    /** The energy of {@code n} samples of a channel; their peak and clipping noted on the way. */
    private double energyAndPeak(int channel, float[] samples, int from, int n) {
        // two sums and a comparison that is rarely true: no chain of dependent additions or maxima through the block
        double even = 0, odd = 0;
        float highest = 0, lowest = 0;
        int i = from;
        for (int end = from + n - 1; i < end; i += 2) {
            float a = samples[i], b = samples[i + 1];
            even = MulAdd.of(a, a, even);
            odd = MulAdd.of(b, b, odd);
            if (a > highest) {
                highest = a;
            }
            if (a < lowest) {
                lowest = a;
            }
            if (b > highest) {
                highest = b;
            }
            if (b < lowest) {
                lowest = b;
            }
        }
        if (i < from + n) {
            float a = samples[i];
            even = MulAdd.of(a, a, even);
            highest = Math.max(highest, a);
            lowest = Math.min(lowest, a);
        }
        float loudest = Math.max(highest, -lowest);
        if (loudest > peak) {
            peak = loudest;
        }
        if (loudest >= clipping) {
            countClipping(channel, samples, from, n);
        }
        else if (clipRun[channel] > 0) {
            endClipRun(channel);
        }
        return even + odd;
    }

    /** Runs of samples at full scale: rare, so looked for only in a block that reaches it. */
    private void countClipping(int channel, float[] samples, int from, int n) {
        for (int i = from; i < from + n; i++) {
            if (Math.abs(samples[i]) >= clipping) {
                clipRun[channel]++;
            }
            else if (clipRun[channel] > 0) {
                endClipRun(channel);
            }
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
            if (silentRun >= pauseWindows || !heardSpeech && silentRun > 0) {
                pause(windows - silentRun, windows); // the silence before the first word counts, however short
            }
            heardSpeech = true;
            silentRun = 0;
        }
        else {
            silentRun++;
        }
        windows++;
        windowEnergy = 0;
        windowFill = 0;
    }

    private void pause(long startWindow, long endWindow) {
        if (pauses.size() < MAX_PAUSES) {
            pauses.add(new long[] { startWindow, endWindow });
        }
    }

    AudioMeasurement result() {
        for (int c = 0; c < channels; c++) {
            endClipRun(c);
        }
        double window = (double) windowFrames / rate;
        double seconds = Math.round((double) frames / rate * 1000) / 1000.0;
        List<Pause> found = new ArrayList<>(pauses.size() + 1);
        for (long[] pause : pauses) {
            found.add(new Pause(pause[0] * window, pause[1] * window));
        }
        if (heardSpeech && silentRun > 0) {
            found.add(new Pause((windows - silentRun) * window, seconds)); // after the last word
        }
        return new AudioMeasurement(seconds, loudness.integrated(), peak == 0 ? null : 20 * Math.log10(peak / fullScale),
                clipped, longestSilence * window, longestSilenceStart * window, !heardSpeech,
                heardSpeech ? List.copyOf(found) : List.of());
    }
}
