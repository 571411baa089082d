package io.tributary.thumbnail.render;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_AV1;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_HEVC;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_VP9;
import static org.bytedeco.ffmpeg.global.avcodec.AV_EF_EXPLODE;
import static org.bytedeco.ffmpeg.global.avcodec.AV_INPUT_BUFFER_PADDING_SIZE;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avcodec.av_new_packet;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_INVALIDDATA;
import static org.bytedeco.ffmpeg.global.avutil.av_mallocz;

import io.tributary.media.codec.VideoCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;

/**
 * Decodes one keyframe with libavcodec: a decoder opened with the stream's decoder configuration record as
 * {@code extradata}, given the keyframe as its one packet, then drained.
 *
 * <p>One decoder per keyframe, opened and freed here: opening one costs microseconds next to the decode, and nothing
 * is shared between threads or carried from one (possibly malformed) keyframe to the next.
 *
 * <p>What the decoder says about the keyframe decides the reason it is rejected:
 * <ul>
 *   <li>a parameter set of the stream declares a picture larger than {@link #MAX_PIXELS}, or cannot be read (checked
 *       before the decoder is opened, as decoders allocate for the declared size before checking it:
 *       {@link DeclaredPictureSize}), or the decoder will not open with the configuration record, or gives no
 *       picture at all: {@code UNDECODABLE};</li>
 *   <li>the keyframe's NAL unit lengths run past its end (found by {@link DeclaredPictureSize}, as FFmpeg's splitter
 *       would), or the decoder finds errors in the coded data ({@code AVERROR_INVALIDDATA}: with
 *       {@code AV_EF_EXPLODE} it stops at the first, instead of concealing and going on), or it gives a picture
 *       flagged {@code AV_FRAME_FLAG_CORRUPT} or with {@code decode_error_flags} (concealment, a missing reference):
 *       {@code DAMAGED}. These are what ffmpeg's command line reports as "corrupt decoded frame" or error lines
 *       (fftools/ffmpeg_dec.c).</li>
 * </ul>
 */
final class KeyframeDecoder {
    /** Decoder configuration records are parameter sets: tens to hundreds of bytes; a megabyte is no stream's. */
    static final int MAX_CONFIGURATION_BYTES = 1 << 20;
    /**
     * stream-gops' max.message.bytes: no keyframe that reached us is larger. An intra frame of a 50 Mbit/s 2160p
     * stream is a few megabytes.
     */
    static final int MAX_DATA_BYTES = 16 << 20;
    /**
     * 8K UHD: bounds what a decoder allocates for the picture size a (malformed) parameter set claims:
     * {@link DeclaredPictureSize} checks it before any decoder is opened, FFmpeg's decoders ({@code max_pixels})
     * again before they allocate a picture.
     */
    static final long MAX_PIXELS = 7680L * 4320;

    private KeyframeDecoder() {
    }

    /**
     * @return the decoded picture, which the caller frees with {@code av_frame_free}
     * @throws RenderFailure if the keyframe gives no picture, or a damaged one
     */
    static AVFrame decode(Keyframe keyframe) throws RenderFailure {
        if (keyframe.configuration().length > MAX_CONFIGURATION_BYTES || keyframe.data().length > MAX_DATA_BYTES) {
            throw new RenderFailure(RejectReason.UNDECODABLE, keyframe + " is larger than a keyframe can be");
        }
        if (keyframe.data().length == 0) {
            throw new RenderFailure(RejectReason.UNDECODABLE, keyframe + " has no coded data");
        }
        DeclaredPictureSize.requireAtMost(MAX_PIXELS, keyframe);
        AVCodec codec = avcodec_find_decoder(codecId(keyframe.codec()));
        if (codec == null || codec.isNull()) {
            throw new RenderFailure(RejectReason.UNDECODABLE, "no decoder for " + keyframe.codec());
        }
        try (CodecSession session = CodecSession.allocate(codec); PendingFrame pending = PendingFrame.allocate()) {
            AVCodecContext context = session.context();
            setExtradata(context, keyframe.configuration());
            // one frame: nothing to spread over threads, and every worker thread may be decoding at once
            context.thread_count(1);
            context.err_recognition(context.err_recognition() | AV_EF_EXPLODE);
            context.max_pixels(MAX_PIXELS);
            int ret = avcodec_open2(context, codec, (AVDictionary) null);
            if (ret < 0) {
                throw new RenderFailure(RejectReason.UNDECODABLE, keyframe.codec() + " decoder refused the"
                        + " configuration record: " + FfmpegError.describe(ret));
            }
            fill(session.packet(), keyframe.data());
            ret = avcodec_send_packet(context, session.packet());
            if (ret < 0) {
                throw decodeError(keyframe, ret);
            }
            avcodec_send_packet(context, null); // end of stream: a decoder with reorder delay gives its frame now
            ret = avcodec_receive_frame(context, pending.frame());
            if (ret == AVERROR_EOF()) {
                throw new RenderFailure(RejectReason.UNDECODABLE, "the " + keyframe.codec() + " decoder gave no"
                        + " picture for " + keyframe);
            }
            if (ret < 0) {
                throw decodeError(keyframe, ret);
            }
            requireIntact(pending.frame());
            return pending.handOver();
        }
    }

    /** FFmpeg's codec id for the codecs E-RTMP carries (Enhanced RTMP v2, "Defining Additional Video Codecs"). */
    static int codecId(VideoCodec codec) {
        return switch (codec) {
            case AVC -> AV_CODEC_ID_H264;
            case HEVC -> AV_CODEC_ID_HEVC;
            case AV1 -> AV_CODEC_ID_AV1;
            case VP9 -> AV_CODEC_ID_VP9;
        };
    }

    /** libavcodec reads extradata with padding past its end and frees it with the context: av_mallocz'd, padded. */
    private static void setExtradata(AVCodecContext context, byte[] configuration) throws RenderFailure {
        if (configuration.length == 0) {
            return;
        }
        Pointer memory = av_mallocz(configuration.length + (long) AV_INPUT_BUFFER_PADDING_SIZE);
        if (memory == null || memory.isNull()) {
            throw FfmpegError.ofLibrary("allocating extradata", FfmpegError.OUT_OF_MEMORY);
        }
        BytePointer extradata = new BytePointer(memory);
        extradata.put(configuration, 0, configuration.length);
        context.extradata(extradata);
        context.extradata_size(configuration.length);
    }

    /** The keyframe's bytes in a buffer av_new_packet allocates with zeroed padding (the packet owns it). */
    private static void fill(AVPacket packet, byte[] data) throws RenderFailure {
        int ret = av_new_packet(packet, data.length);
        if (ret < 0) {
            throw FfmpegError.ofLibrary("allocating a packet", ret);
        }
        packet.data().put(data, 0, data.length);
        packet.flags(packet.flags() | AV_PKT_FLAG_KEY);
    }

    private static RenderFailure decodeError(Keyframe keyframe, int ret) {
        if (ret == FfmpegError.OUT_OF_MEMORY) {
            return FfmpegError.ofLibrary("decoding", ret);
        }
        if (ret == AVERROR_INVALIDDATA()) {
            return new RenderFailure(RejectReason.DAMAGED, "the " + keyframe.codec() + " decoder found errors in "
                    + keyframe + ": " + FfmpegError.describe(ret));
        }
        return new RenderFailure(RejectReason.UNDECODABLE, "the " + keyframe.codec() + " decoder cannot decode "
                + keyframe + ": " + FfmpegError.describe(ret));
    }

    /** fftools' test for a "corrupt decoded frame" (fftools/ffmpeg_dec.c): part of the picture is concealment. */
    private static void requireIntact(AVFrame frame) throws RenderFailure {
        int corrupt = frame.flags() & AVFrame.AV_FRAME_FLAG_CORRUPT;
        if (corrupt != 0 || frame.decode_error_flags() != 0) {
            throw new RenderFailure(RejectReason.DAMAGED, "the decoder flagged the picture"
                    + (corrupt != 0 ? " corrupt" : "") + " (decode_error_flags " + frame.decode_error_flags() + ")");
        }
        if (frame.width() < 1 || frame.height() < 1) {
            throw new RenderFailure(RejectReason.UNDECODABLE, "the decoder gave an empty picture");
        }
    }
}
