package com.akoolnarrator.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecParserContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVChannelLayout;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes MPEG audio with FFmpeg's decoders (through JavaCPP's presets), several times as fast as JLayer: the bytes
 * are read here, within the bounds {@link AudioMeter} found past the tag, split into frames by FFmpeg's parser and
 * decoded to floats for the {@link SignalMeter}. Nothing of FFmpeg's own file handling is used (no probing, no tag
 * reading): it sees the audio alone, in pieces of a bounded size.
 */
final class NativeDecoder {

    private static final Logger log = LoggerFactory.getLogger(NativeDecoder.class);
    private static final int CHUNK = 64 * 1024;
    /** Whether FFmpeg's libraries load on this machine: tried once, when the first file is checked. */
    private static final boolean AVAILABLE = load();

    private NativeDecoder() {
    }

    static boolean isAvailable() {
        return AVAILABLE;
    }

    /** Loads FFmpeg's decoders; says once, when they do not load, that JLayer decodes instead. */
    private static boolean load() {
        try {
            Loader.load(avcodec.class);
            avutil.av_log_set_level(avutil.AV_LOG_QUIET); // a bad frame is this class's to report, not stderr's
            return true;
        }
        catch (Throwable e) { // UnsatisfiedLinkError, or no build for this platform
            log.warn("The audio check decodes with JLayer, about three times slower: FFmpeg's decoders do not load on"
                    + " this machine ({}): {}: {}", Loader.getPlatform(), e.getClass().getSimpleName(), e.getMessage());
            return false;
        }
    }

    /**
     * Decodes the audio between {@code start} and {@code end} of the file and measures it.
     *
     * @param layer the MPEG layer of its first frame (1, 2 or 3): each has its own decoder
     * @throws UndecodableAudioException when no frame of it decodes
     */
    static AudioMeasurement measure(FileChannel channel, long start, long end, int layer, double silenceThresholdDbfs)
            throws IOException {
        int codecId = layer == 1 ? avcodec.AV_CODEC_ID_MP1 : layer == 2 ? avcodec.AV_CODEC_ID_MP2 : avcodec.AV_CODEC_ID_MP3;
        AVCodec codec = avcodec.avcodec_find_decoder(codecId);
        AVCodecParserContext parser = avcodec.av_parser_init(codecId);
        AVCodecContext context = avcodec.avcodec_alloc_context3(codec);
        AVPacket packet = avcodec.av_packet_alloc();
        AVFrame frame = avutil.av_frame_alloc();
        ByteBuffer buffer = ByteBuffer.allocateDirect(CHUNK + avcodec.AV_INPUT_BUFFER_PADDING_SIZE);
        try (BytePointer input = new BytePointer(buffer)) {
            if (parser == null || context == null || avcodec.avcodec_open2(context, codec, (PointerPointer<?>) null) < 0) {
                throw new UndecodableAudioException("FFmpeg has no decoder for MPEG audio layer " + layer, null);
            }
            Frames frames = new Frames(context, packet, frame, silenceThresholdDbfs);
            channel.position(start);
            long left = end - start;
            while (left > 0) {
                buffer.clear().limit((int) Math.min(CHUNK, left));
                int read = channel.read(buffer);
                if (read < 0) {
                    break;
                }
                left -= read;
                buffer.limit(buffer.capacity()); // FFmpeg reads a little past the data: the padding must be zeros
                for (int i = read; i < read + avcodec.AV_INPUT_BUFFER_PADDING_SIZE; i++) {
                    buffer.put(i, (byte) 0);
                }
                int offset = 0;
                while (offset < read) {
                    int used = avcodec.av_parser_parse2(parser, context, frames.packetData, frames.packetSize,
                            input.position(offset), read - offset, avutil.AV_NOPTS_VALUE, avutil.AV_NOPTS_VALUE, 0);
                    if (used < 0) {
                        break;
                    }
                    offset += used;
                    frames.decode();
                }
            }
            avcodec.av_parser_parse2(parser, context, frames.packetData, frames.packetSize, null, 0,
                    avutil.AV_NOPTS_VALUE, avutil.AV_NOPTS_VALUE, 0);
            frames.decode();
            frames.drain();
            return frames.result();
        }
        finally {
            avutil.av_frame_free(frame);
            avcodec.av_packet_free(packet);
            avcodec.avcodec_free_context(context);
            if (parser != null) {
                avcodec.av_parser_close(parser);
            }
        }
    }

    /**
     * Packets in, decoded frames to the meter, as floats of full scale 1.0. The parser writes each frame's bytes into
     * the packet, and the samples are read from the frame, through views made once per file of those structs' fields:
     * a frame costs no Java object, where a getter's pointer would cost one or two (and 1.9 million frames make a
     * 16 kHz benchmark).
     */
    private static final class Frames {
        private final AVCodecContext context;
        private final AVPacket packet;
        private final AVFrame frame;
        /** {@code packet->data} and {@code packet->size}, where the parser puts a frame's bytes */
        final PointerPointer<BytePointer> packetData;
        final IntPointer packetSize;
        /** {@code frame->data}: the addresses of its channels' samples */
        private final LongPointer planes;
        private final AVChannelLayout layout;
        private final Plane plane = new Plane();
        private final double silenceThresholdDbfs;
        private SignalMeter meter;
        private float[] left = new float[1152];
        private float[] right = new float[1152];
        private int decodeErrors;

        @SuppressWarnings("unchecked")
        Frames(AVCodecContext context, AVPacket packet, AVFrame frame, double silenceThresholdDbfs) {
            this.context = context;
            this.packet = packet;
            this.frame = frame;
            this.packetData = field(packet, "data", PointerPointer.class, Long.BYTES);
            this.packetSize = field(packet, "size", IntPointer.class, Integer.BYTES);
            this.planes = field(frame, "data", LongPointer.class, Long.BYTES);
            this.layout = frame.ch_layout();
            this.silenceThresholdDbfs = silenceThresholdDbfs;
        }

        /** A view of a member of a struct, as a pointer of {@code type} (whose elements are {@code size} bytes). */
        private static <P extends Pointer> P field(Pointer struct, String member, Class<P> type, int size) {
            int offset = Loader.offsetof(struct.getClass(), member);
            return struct.getPointer(type, offset / size); // at the struct's address plus that many elements
        }

        /** The frame the parser just put in the packet, if it put one. */
        void decode() {
            if (packetSize.get() <= 0) {
                return;
            }
            if (avcodec.avcodec_send_packet(context, packet) < 0) {
                decodeErrors++; // a frame FFmpeg cannot decode is skipped, as players do
                return;
            }
            receive();
        }

        void drain() {
            avcodec.avcodec_send_packet(context, null);
            receive();
        }

        private void receive() {
            while (avcodec.avcodec_receive_frame(context, frame) >= 0) {
                accept();
            }
        }

        private void accept() {
            int count = frame.nb_samples();
            int channels = Math.min(2, layout.nb_channels());
            if (frame.format() != avutil.AV_SAMPLE_FMT_FLTP || channels < 1 || count <= 0) {
                decodeErrors++;
                return;
            }
            if (meter == null) {
                meter = new SignalMeter(frame.sample_rate(), channels, 1f, silenceThresholdDbfs);
            }
            if (count > left.length) {
                left = new float[count];
                right = new float[count];
            }
            plane.at(planes.get(0)).get(left, 0, count);
            boolean stereo = meter.channels() == 2;
            if (stereo) {
                plane.at(planes.get(Math.min(1, channels - 1))).get(right, 0, count);
            }
            meter.accept(left, 0, stereo ? right : null, 0, count);
        }

        AudioMeasurement result() {
            if (meter == null) {
                throw new UndecodableAudioException(decodeErrors == 0 ? "it holds no MPEG audio frame"
                        : "its MPEG audio frames cannot be decoded (" + decodeErrors + " frames refused by FFmpeg)", null);
            }
            return meter.result();
        }
    }

    /** A view of floats that moves to each frame's samples instead of a new view a frame. */
    private static final class Plane extends FloatPointer {

        Plane at(long address) {
            this.address = address;
            return this;
        }
    }
}
