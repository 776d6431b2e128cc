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
import com.akoolnarrator.storage.Mp3Format;

/**
 * Decodes an MP3 frame by frame (FFmpeg's decoders through {@link NativeDecoder}, else JLayer) and measures it as it
 * goes ({@link SignalMeter}): loudness, peak, clipping and silences. Nothing but a frame's samples is held, so a long
 * script's file is measured in the same memory as a short one.
 */
final class AudioMeter {

    /** JLayer's synthesis filter hands over floats at 16-bit scale. */
    private static final float JLAYER_FULL_SCALE = 32768f;
    /** How far into the audio its first frame header is looked for. */
    private static final int LAYER_SEARCH = 8 * 1024;

    private final double silenceThresholdDbfs;
    private final AudioProperties.Decoder decoder;

    /** @param silenceThresholdDbfs a 50 ms window quieter than this (RMS) holds no speech */
    public AudioMeter(double silenceThresholdDbfs) {
        this(silenceThresholdDbfs, AudioProperties.Decoder.FFMPEG);
    }

    /** @param decoder FFmpeg's, where it loads, or JLayer */
    public AudioMeter(double silenceThresholdDbfs, AudioProperties.Decoder decoder) {
        this.silenceThresholdDbfs = silenceThresholdDbfs;
        this.decoder = decoder;
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
            if (decoder == AudioProperties.Decoder.FFMPEG && NativeDecoder.isAvailable()) {
                return NativeDecoder.measure(channel, audio.start(), audio.end(), firstLayer(channel, audio),
                        silenceThresholdDbfs);
            }
            channel.position(audio.start());
            try (InputStream in = new BufferedInputStream(Channels.newInputStream(channel), 64 * 1024)) {
                return measure(in);
            }
        }
    }

    /** The MPEG layer of the first frame header among the audio's first bytes; Layer III when none is found there. */
    private static int firstLayer(FileChannel channel, FileRanges.AudioBounds audio) throws IOException {
        byte[] head = FileRanges.read(channel, audio.start(), (int) Math.min(LAYER_SEARCH, audio.end() - audio.start()));
        for (int i = 0; i + 4 <= head.length; i++) {
            Mp3Format.Frame frame = Mp3Format.frameAt(head, i);
            if (frame != null) {
                return frame.layer();
            }
        }
        return 3;
    }

    AudioMeasurement measure(InputStream in) {
        Bitstream bitstream = new Bitstream(in);
        Decoder decoder = new Decoder();
        Granules granules = null;
        try {
            Header header;
            while ((header = bitstream.readFrame()) != null) {
                if (granules == null) {
                    granules = new Granules(new SignalMeter(header.frequency(),
                            header.mode() == Header.SINGLE_CHANNEL ? 1 : 2, JLAYER_FULL_SCALE, silenceThresholdDbfs));
                    decoder.setOutputBuffer(granules);
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
        if (granules == null) {
            throw new UndecodableAudioException("it holds no MPEG audio frame", null);
        }
        return granules.result();
    }

    /**
     * The decoder's output, gathered into granules for the meter: the synthesis filter hands over 32 samples of a
     * channel at a time, as floats at 16-bit scale, before any conversion to 16-bit samples (which would cost as much
     * as measuring); a stereo granule comes as all of the first channel's samples, then all of the second's.
     */
    private static final class Granules extends Obuffer {
        /** A granule: 576 samples (MPEG-1 Layer III), at most 1,152 (Layer II). */
        private static final int GRANULE = 1152;
        private final SignalMeter meter;
        private final float[][] held;
        private final int[] fill;

        Granules(SignalMeter meter) {
            this.meter = meter;
            this.held = new float[meter.channels()][GRANULE];
            this.fill = new int[meter.channels()];
        }

        @Override
        public void appendSamples(int channel, float[] samples) {
            if (fill[channel] + samples.length > GRANULE) {
                flush();
            }
            System.arraycopy(samples, 0, held[channel], fill[channel], samples.length);
            fill[channel] += samples.length;
            if (channel == held.length - 1 && (held.length == 1 ? fill[0] >= GRANULE / 2 : fill[1] == fill[0])) {
                flush();
            }
        }

        private void flush() {
            int count = held.length == 1 ? fill[0] : Math.min(fill[0], fill[1]);
            meter.accept(held[0], 0, held.length == 1 ? null : held[1], 0, count);
            fill[0] = 0;
            if (held.length > 1) {
                fill[1] = 0;
            }
        }

        AudioMeasurement result() {
            flush();
            return meter.result();
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
