package io.tributary.thumbnail.render;

import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;

import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * A frame being filled (decoded into, scaled into): freed when closed, unless it was handed over with
 * {@link #handOver()} once complete, so that every way out of a try-with-resources block but the successful one frees
 * it.
 */
final class PendingFrame implements AutoCloseable {
    private AVFrame frame;

    private PendingFrame(AVFrame frame) {
        this.frame = frame;
    }

    static PendingFrame allocate() throws RenderFailure {
        AVFrame frame = av_frame_alloc();
        if (frame == null || frame.isNull()) {
            throw FfmpegError.ofLibrary("allocating a frame", FfmpegError.OUT_OF_MEMORY);
        }
        return new PendingFrame(frame);
    }

    AVFrame frame() {
        return frame;
    }

    /** @return the frame, which the caller now frees with {@code av_frame_free} */
    AVFrame handOver() {
        AVFrame complete = frame;
        frame = null;
        return complete;
    }

    @Override
    public void close() {
        if (frame != null) {
            av_frame_free(frame);
        }
    }
}
