package io.tributary.thumbnail.render;

import java.nio.charset.StandardCharsets;
import org.bytedeco.ffmpeg.global.avutil;

/** What an FFmpeg return code means, for a log line and for the reason a keyframe is rejected. */
final class FfmpegError {
    /** AVERROR(ENOMEM): errno 12, negated (libavutil/error.h). */
    static final int OUT_OF_MEMORY = -12;
    /** AVERROR(EAGAIN): errno 11, negated. */
    static final int AGAIN = -11;
    private static final int MESSAGE_BYTES = 128;

    private FfmpegError() {
    }

    /** av_strerror's text and the code, e.g. "Invalid data found when processing input (-1094995529)". */
    static String describe(int code) {
        byte[] buffer = new byte[MESSAGE_BYTES];
        avutil.av_strerror(code, buffer, buffer.length);
        int end = 0;
        while (end < buffer.length && buffer[end] != 0) {
            end++;
        }
        return new String(buffer, 0, end, StandardCharsets.UTF_8) + " (" + code + ")";
    }

    /** A failure that is the library's (memory), not the keyframe's. */
    static RenderFailure ofLibrary(String step, int code) {
        return new RenderFailure(RejectReason.FFMPEG_FAILED, step + ": " + describe(code));
    }
}
