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
    /** A filter state below this is zero: it cannot fall from here to a subnormal number within one block. */
    private static final double NEGLIGIBLE = 1e-100;
    private static final int BINS = (int) (80 / BIN_WIDTH); // -70 LUFS to +10 LUFS

    /** The largest sample value the decoder gives. */
    private final double fullScale;
    private final Biquad[] shelf;
    private final Biquad[] highPass;
    private final int subBlockFrames;
    private final double[] lastSubBlocks = new double[4];
    private int subBlocksSeen;
    private double subBlockEnergy;
    private int subBlockFill;
    private final double[] binEnergy = new double[BINS];
    private final long[] binCount = new long[BINS];

    LoudnessMeter(int sampleRate, int channels, double fullScale) {
        this.fullScale = fullScale;
        this.shelf = new Biquad[channels];
        this.highPass = new Biquad[channels];
        for (int c = 0; c < channels; c++) {
            shelf[c] = Biquad.highShelf(sampleRate);
            highPass[c] = Biquad.highPass(sampleRate);
        }
        this.subBlockFrames = Math.max(1, (int) Math.round(sampleRate * 0.1));
    }

    /**
     * {@code count} samples of each channel, the first's from {@code leftFrom}, the second's ({@code right} null for
     * mono) from {@code rightFrom}, at the scale given.
     */
    void accept(float[] left, int leftFrom, float[] right, int rightFrom, int count) {
        int done = 0;
        while (done < count) {
            int n = Math.min(count - done, subBlockFrames - subBlockFill);
            double energy = weightedEnergy(shelf[0], highPass[0], left, leftFrom + done, n);
            if (right != null) {
                energy += weightedEnergy(shelf[1], highPass[1], right, rightFrom + done, n); // each channel weighs 1.0
            }
            subBlockEnergy += energy;
            subBlockFill += n;
            if (subBlockFill == subBlockFrames) {
                endSubBlock();
            }
            done += n;
        }
    }

    /**
     * The energy of {@code n} samples K-weighted: both filters run on locals over the block, two samples a step (see
     * {@link Biquad}), their states kept for the next block.
     */
    private static double weightedEnergy(Biquad shelf, Biquad highPass, float[] samples, int from, int n) {
        final double sd = shelf.d, sb1 = shelf.in1, sb2 = shelf.in2, sa1 = shelf.a1, sa2 = shelf.a2;
        final double sc1 = shelf.pair1, sc2 = shelf.pair2;
        final double sm11 = shelf.m11, sm12 = shelf.m12, sm21 = shelf.m21, sm22 = shelf.m22;
        final double hd = highPass.d, hb1 = highPass.in1, hb2 = highPass.in2, ha1 = highPass.a1, ha2 = highPass.a2;
        final double hc1 = highPass.pair1, hc2 = highPass.pair2;
        final double hm11 = highPass.m11, hm12 = highPass.m12, hm21 = highPass.m21, hm22 = highPass.m22;
        double s1 = shelf.z1, s2 = shelf.z2, h1 = highPass.z1, h2 = highPass.z2;
        double even = 0, odd = 0;
        int i = from;
        for (int end = from + n - 1; i < end; i += 2) {
            double x0 = samples[i], x1 = samples[i + 1];
            double y0 = MulAdd.of(sd, x0, s1);
            double y1 = MulAdd.of(sd, x1, MulAdd.of(sb1, x0, MulAdd.of(-sa1, s1, s2)));
            double t1 = MulAdd.of(sm11, s1, MulAdd.of(sm12, s2, MulAdd.of(sc1, x0, sb1 * x1)));
            s2 = MulAdd.of(sm21, s1, MulAdd.of(sm22, s2, MulAdd.of(sc2, x0, sb2 * x1)));
            s1 = t1;
            double w0 = MulAdd.of(hd, y0, h1);
            double w1 = MulAdd.of(hd, y1, MulAdd.of(hb1, y0, MulAdd.of(-ha1, h1, h2)));
            double u1 = MulAdd.of(hm11, h1, MulAdd.of(hm12, h2, MulAdd.of(hc1, y0, hb1 * y1)));
            h2 = MulAdd.of(hm21, h1, MulAdd.of(hm22, h2, MulAdd.of(hc2, y0, hb2 * y1)));
            h1 = u1;
            even = MulAdd.of(w0, w0, even);
            odd = MulAdd.of(w1, w1, odd);
        }
        if (i < from + n) {
            double x = samples[i];
            double y = MulAdd.of(sd, x, s1);
            double s1Before = s1;
            s1 = MulAdd.of(sb1, x, MulAdd.of(-sa1, s1, s2));
            s2 = MulAdd.of(sb2, x, -sa2 * s1Before);
            double w = MulAdd.of(hd, y, h1);
            double h1Before = h1;
            h1 = MulAdd.of(hb1, y, MulAdd.of(-ha1, h1, h2));
            h2 = MulAdd.of(hb2, y, -ha2 * h1Before);
            even = MulAdd.of(w, w, even);
        }
        shelf.z1 = flushed(s1);
        shelf.z2 = flushed(s2);
        highPass.z1 = flushed(h1);
        highPass.z2 = flushed(h2);
        return even + odd;
    }

    /**
     * A state decaying through digital silence would reach subnormal numbers, which processors compute about thirty
     * times slower: a whole silent file then cost more than a second. Long before that it is zero; what it would add to
     * the energy is hundreds of orders of magnitude below anything audible.
     */
    private static double flushed(double state) {
        return Math.abs(state) < NEGLIGIBLE ? 0 : state;
    }

    private void endSubBlock() {
        lastSubBlocks[subBlocksSeen++ % 4] = subBlockEnergy;
        subBlockEnergy = 0;
        subBlockFill = 0;
        if (subBlocksSeen >= 4) {
            double meanSquare = (lastSubBlocks[0] + lastSubBlocks[1] + lastSubBlocks[2] + lastSubBlocks[3])
                    / (4.0 * subBlockFrames * fullScale * fullScale);
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

    /**
     * One second-order section, transposed direct form II; coefficients as libebur128 derives them for any rate. Its
     * state (z1, z2) steps as {@code z' = A z + B x} with {@code A = [[-a1, 1], [-a2, 0]]}; stepped two samples at once
     * ({@code z'' = A^2 z + A B x0 + B x1}) the feedback through the state is one multiply and two adds per pair instead
     * of per sample, which is what bounds an IIR filter's speed.
     */
    private static final class Biquad {
        /** y = d x + z1 */
        private final double d;
        private final double a1, a2;
        /** B: what a sample adds to the state */
        private final double in1, in2;
        /** A B: what the first sample of a pair adds to the state after the pair */
        private final double pair1, pair2;
        /** A^2 */
        private final double m11, m12, m21, m22;
        private double z1, z2;

        private Biquad(double b0, double b1, double b2, double a1, double a2) {
            this.d = b0;
            this.a1 = a1;
            this.a2 = a2;
            this.in1 = b1 - a1 * b0;
            this.in2 = b2 - a2 * b0;
            this.pair1 = -a1 * in1 + in2;
            this.pair2 = -a2 * in1;
            this.m11 = a1 * a1 - a2;
            this.m12 = -a1;
            this.m21 = a1 * a2;
            this.m22 = -a2;
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
    }
}
