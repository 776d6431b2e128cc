package com.akoolnarrator.audio;

/**
 * Integrated loudness per ITU-R BS.1770-4: each channel K-weighted (a high shelf, then a high-pass), 400 ms blocks
 * every 100 ms, gated at -70 LUFS and then 10 LU below the level of what passed. The blocks are kept as a histogram of
 * 0.05 LU bins (energy and count per bin), so an hour of audio needs no more memory than a second.
 */
final class LoudnessMeter {

    private static final double ABSOLUTE_GATE = -70;
    private static final double RELATIVE_GATE = -10;
    private static final double BIN_WIDTH = 0.05;
    private static final int BINS = (int) (80 / BIN_WIDTH); // -70 LUFS to +10 LUFS

    /** The scale of the samples given: 16-bit, as the decoder's synthesis filter hands them over. */
    static final double FULL_SCALE = 32768;

    private final Biquad[] shelf;
    private final Biquad[] highPass;
    private final int subBlockFrames;
    private final double[] lastSubBlocks = new double[4];
    private int subBlocksSeen;
    private double subBlockEnergy;
    private int subBlockFill;
    private final double[] binEnergy = new double[BINS];
    private final long[] binCount = new long[BINS];

    LoudnessMeter(int sampleRate, int channels) {
        this.shelf = new Biquad[channels];
        this.highPass = new Biquad[channels];
        for (int c = 0; c < channels; c++) {
            shelf[c] = Biquad.highShelf(sampleRate);
            highPass[c] = Biquad.highPass(sampleRate);
        }
        this.subBlockFrames = Math.max(1, (int) Math.round(sampleRate * 0.1));
    }

    /**
     * {@code count} samples of each channel, the first's from {@code leftFrom} ({@code right} null for mono), at 16-bit
     * scale ({@link #FULL_SCALE}).
     */
    void accept(float[] left, int leftFrom, float[] right, int count) {
        Biquad leftShelf = shelf[0];
        Biquad leftHighPass = highPass[0];
        for (int i = 0; i < count; i++) {
            double weighted = leftHighPass.filter(leftShelf.filter(left[leftFrom + i]));
            double energy = weighted * weighted;
            if (right != null) {
                double r = highPass[1].filter(shelf[1].filter(right[i]));
                energy += r * r; // every channel of a mono or stereo file weighs 1.0
            }
            subBlockEnergy += energy;
            if (++subBlockFill == subBlockFrames) {
                endSubBlock();
            }
        }
    }

    private void endSubBlock() {
        lastSubBlocks[subBlocksSeen++ % 4] = subBlockEnergy;
        subBlockEnergy = 0;
        subBlockFill = 0;
        if (subBlocksSeen >= 4) {
            double meanSquare = (lastSubBlocks[0] + lastSubBlocks[1] + lastSubBlocks[2] + lastSubBlocks[3])
                    / (4.0 * subBlockFrames * FULL_SCALE * FULL_SCALE);
            double loudness = loudness(meanSquare);
            if (loudness >= ABSOLUTE_GATE) {
                int bin = Math.min(BINS - 1, (int) ((loudness - ABSOLUTE_GATE) / BIN_WIDTH));
                binEnergy[bin] += meanSquare;
                binCount[bin]++;
            }
        }
    }

    /** The integrated loudness in LUFS, or {@code null} when no block passes the absolute gate (silence). */
    Double integrated() {
        double energy = 0;
        long count = 0;
        for (int bin = 0; bin < BINS; bin++) {
            energy += binEnergy[bin];
            count += binCount[bin];
        }
        if (count == 0) {
            return null;
        }
        double relativeGate = loudness(energy / count) + RELATIVE_GATE;
        energy = 0;
        count = 0;
        for (int bin = 0; bin < BINS; bin++) {
            if (ABSOLUTE_GATE + (bin + 0.5) * BIN_WIDTH >= relativeGate) {
                energy += binEnergy[bin];
                count += binCount[bin];
            }
        }
        return count == 0 ? null : loudness(energy / count);
    }

    private static double loudness(double meanSquare) {
        return -0.691 + 10 * Math.log10(meanSquare);
    }

    /** One second-order section, transposed direct form II; coefficients as libebur128 derives them for any rate. */
    private static final class Biquad {
        private final double b0, b1, b2, a1, a2;
        private double z1, z2;

        private Biquad(double b0, double b1, double b2, double a1, double a2) {
            this.b0 = b0;
            this.b1 = b1;
            this.b2 = b2;
            this.a1 = a1;
            this.a2 = a2;
        }

        /** The head's acoustic effect: +4 dB above about 1.7 kHz. */
        static Biquad highShelf(int rate) {
            double f0 = 1681.974450955533, gain = 3.999843853973347, q = 0.7071752369554196;
            double k = Math.tan(Math.PI * f0 / rate);
            double vh = Math.pow(10, gain / 20);
            double vb = Math.pow(vh, 0.4996667741545416);
            double a0 = 1 + k / q + k * k;
            return new Biquad((vh + vb * k / q + k * k) / a0, 2 * (k * k - vh) / a0, (vh - vb * k / q + k * k) / a0,
                    2 * (k * k - 1) / a0, (1 - k / q + k * k) / a0);
        }

        /** The RLB weighting: a high-pass at about 38 Hz. */
        static Biquad highPass(int rate) {
            double f0 = 38.13547087602444, q = 0.5003270373238773;
            double k = Math.tan(Math.PI * f0 / rate);
            double a0 = 1 + k / q + k * k;
            return new Biquad(1, -2, 1, 2 * (k * k - 1) / a0, (1 - k / q + k * k) / a0);
        }

        double filter(double x) {
            double y = b0 * x + z1;
            z1 = b1 * x - a1 * y + z2;
            z2 = b2 * x - a2 * y;
            return y;
        }
    }
}
