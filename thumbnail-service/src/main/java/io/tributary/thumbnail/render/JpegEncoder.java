package io.tributary.thumbnail.render;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_QSCALE;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MJPEG;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_packet;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_frame;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_RANGE_JPEG;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.FF_QP2LAMBDA;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;
import static org.bytedeco.ffmpeg.global.avutil.av_opt_set_int;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BICUBIC;
import static org.bytedeco.ffmpeg.global.swscale.sws_alloc_context;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_init_context;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale_frame;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;

/**
 * Scales a decoded picture with libswscale and encodes it as a baseline JPEG with libavcodec's MJPEG encoder, the
 * two steps of {@code ffmpeg -vf scale=... -q:v Q -f mjpeg}:
 * <ul>
 *   <li>bicubic scaling (the scale filter's default) to 8-bit 4:2:0 in full range, JPEG's (ITU-T T.871 §7): the
 *       source's range (limited for nearly every camera and encoder, full where the stream says so) is expanded,
 *       the colour matrix left as it is;</li>
 *   <li>a fixed quantiser: {@code -q:v Q} is {@code AV_CODEC_FLAG_QSCALE} with {@code global_quality} =
 *       {@code Q * FF_QP2LAMBDA}, and the frame's {@code quality} set to the same (fftools/ffmpeg_enc.c).</li>
 * </ul>
 * The scaled luma is also sampled for {@link BlankPicture}: JPEG's Y is the BT.601 luma the check wants.
 */
final class JpegEncoder {
    /** Samples per row at most: plenty to tell a flat picture from a real one, and cheap at any size. */
    private static final int SAMPLES_PER_ROW = 160;

    private JpegEncoder() {
    }

    /** A JPEG and whether the picture in it is blank. */
    record Encoded(Picture picture, boolean blank) {
    }

    static Encoded encode(AVFrame source, PictureSize size, int quality) throws RenderFailure {
        AVFrame scaled = scale(source, size);
        try {
            boolean blank = BlankPicture.isBlank(lumaSamples(scaled, size));
            return new Encoded(new Picture(jpeg(scaled, quality), size.width(), size.height()), blank);
        } finally {
            av_frame_free(scaled);
        }
    }

    private static AVFrame scale(AVFrame source, PictureSize size) throws RenderFailure {
        SwsContext sws = sws_alloc_context();
        if (sws == null || sws.isNull()) {
            throw FfmpegError.ofLibrary("allocating a scaler", FfmpegError.OUT_OF_MEMORY);
        }
        try (PendingFrame pending = PendingFrame.allocate()) {
            // the ranges are options given before sws_init_context, not sws_setColorspaceDetails after it: init picks
            // a plain copy for a picture that is not resized, and a copy does not expand the range
            int ret = setOption(sws, "srcw", source.width()) | setOption(sws, "srch", source.height())
                    | setOption(sws, "src_format", source.format())
                    | setOption(sws, "src_range", source.color_range() == AVCOL_RANGE_JPEG ? 1 : 0)
                    | setOption(sws, "dstw", size.width()) | setOption(sws, "dsth", size.height())
                    | setOption(sws, "dst_format", AV_PIX_FMT_YUV420P) | setOption(sws, "dst_range", 1)
                    | setOption(sws, "sws_flags", SWS_BICUBIC);
            if (ret < 0 || sws_init_context(sws, null, null) < 0) {
                throw new RenderFailure(RejectReason.UNDECODABLE, "cannot scale a " + source.width() + "x"
                        + source.height() + " picture of pixel format " + source.format() + " to " + size);
            }
            AVFrame scaled = pending.frame();
            scaled.width(size.width()).height(size.height()).format(AV_PIX_FMT_YUV420P).color_range(AVCOL_RANGE_JPEG);
            ret = av_frame_get_buffer(scaled, 0);
            if (ret < 0) {
                throw FfmpegError.ofLibrary("allocating a " + size + " picture", ret);
            }
            ret = sws_scale_frame(sws, scaled, source);
            if (ret < 0) {
                throw FfmpegError.ofLibrary("scaling to " + size, ret);
            }
            return pending.handOver();
        } finally {
            sws_freeContext(sws);
        }
    }

    /** @return 0, or a negative AVERROR: ORed together, any failure makes the result negative */
    private static int setOption(SwsContext sws, String name, long value) {
        return Math.min(0, av_opt_set_int(sws, name, value, 0));
    }

    /** Luma samples on a grid, at most {@link #SAMPLES_PER_ROW} a row. */
    private static int[] lumaSamples(AVFrame picture, PictureSize size) {
        int step = Math.max(1, size.width() / SAMPLES_PER_ROW);
        int columns = (size.width() + step - 1) / step;
        int rows = (size.height() + step - 1) / step;
        int[] luma = new int[columns * rows];
        BytePointer plane = picture.data(0);
        long stride = picture.linesize(0);
        byte[] row = new byte[size.width()];
        int i = 0;
        for (int y = 0; y < size.height(); y += step) {
            plane.position(y * stride).get(row, 0, size.width());
            for (int x = 0; x < size.width(); x += step) {
                luma[i++] = row[x] & 0xFF;
            }
        }
        return luma;
    }

    private static byte[] jpeg(AVFrame picture, int quality) throws RenderFailure {
        AVCodec mjpeg = avcodec_find_encoder(AV_CODEC_ID_MJPEG);
        if (mjpeg == null || mjpeg.isNull()) {
            throw new RenderFailure(RejectReason.FFMPEG_FAILED, "this FFmpeg has no MJPEG encoder");
        }
        try (CodecSession session = CodecSession.allocate(mjpeg)) {
            AVCodecContext context = session.context();
            context.width(picture.width()).height(picture.height()).pix_fmt(AV_PIX_FMT_YUV420P)
                    .color_range(AVCOL_RANGE_JPEG).time_base(av_make_q(1, 25)).thread_count(1);
            context.flags(context.flags() | AV_CODEC_FLAG_QSCALE);
            context.global_quality(quality * FF_QP2LAMBDA);
            int ret = avcodec_open2(context, mjpeg, (AVDictionary) null);
            if (ret < 0) {
                throw FfmpegError.ofLibrary("opening the MJPEG encoder", ret);
            }
            picture.quality(context.global_quality()).pts(0);
            ret = avcodec_send_frame(context, picture);
            if (ret < 0) {
                throw FfmpegError.ofLibrary("encoding the JPEG", ret);
            }
            avcodec_send_frame(context, null);
            AVPacket packet = session.packet();
            ret = avcodec_receive_packet(context, packet);
            if (ret < 0) {
                throw FfmpegError.ofLibrary("encoding the JPEG", ret);
            }
            byte[] jpeg = new byte[packet.size()];
            packet.data().get(jpeg, 0, jpeg.length);
            return jpeg;
        }
    }
}
