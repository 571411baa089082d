package io.tributary.thumbnail.render;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;

/**
 * One decode or one encode: a libavcodec context and the packet that goes into or comes out of it, allocated together
 * and freed together when closed (try-with-resources), whatever happened in between.
 */
final class CodecSession implements AutoCloseable {
    private final AVCodecContext context;
    private final AVPacket packet;

    private CodecSession(AVCodecContext context, AVPacket packet) {
        this.context = context;
        this.packet = packet;
    }

    /** A context for {@code codec}, not opened yet, and an empty packet. */
    static CodecSession allocate(AVCodec codec) throws RenderFailure {
        AVCodecContext context = avcodec_alloc_context3(codec);
        if (context == null || context.isNull()) {
            throw FfmpegError.ofLibrary("allocating a codec context", FfmpegError.OUT_OF_MEMORY);
        }
        AVPacket packet = av_packet_alloc();
        if (packet == null || packet.isNull()) {
            avcodec_free_context(context);
            throw FfmpegError.ofLibrary("allocating a packet", FfmpegError.OUT_OF_MEMORY);
        }
        return new CodecSession(context, packet);
    }

    AVCodecContext context() {
        return context;
    }

    AVPacket packet() {
        return packet;
    }

    @Override
    public void close() {
        av_packet_free(packet);
        avcodec_free_context(context); // and what it owns: extradata, the codec's buffers, frames not received
    }
}
