package io.tributary.thumbnail.render;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.avutil.LogCallback;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;

/**
 * FFmpeg's error log lines while open, for tests that check where a decoder stopped (the renderer itself only sees
 * return codes, and FfmpegLibraries silences the log). One capture at a time.
 */
final class FfmpegLog implements AutoCloseable {
    private static final List<String> LINES = new ArrayList<>();
    private static boolean capturing;
    /** Held for the JVM's life: the native side calls it. */
    private static final LogCallback CALLBACK = new LogCallback() {
        @Override
        public void call(int level, BytePointer message) {
            synchronized (LINES) {
                if (capturing) {
                    LINES.add(message.getString().trim());
                }
            }
        }
    };

    private FfmpegLog() {
    }

    static FfmpegLog capture() {
        FfmpegLibraries.load();
        synchronized (LINES) {
            LINES.clear();
            capturing = true;
        }
        avutil.setLogCallback(CALLBACK);
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        return new FfmpegLog();
    }

    /** The lines logged since the last call, and forgets them. */
    List<String> take() {
        synchronized (LINES) {
            List<String> lines = new ArrayList<>(LINES);
            LINES.clear();
            return lines;
        }
    }

    @Override
    public void close() {
        avutil.av_log_set_level(avutil.AV_LOG_FATAL); // as FfmpegLibraries leaves it
        synchronized (LINES) {
            capturing = false;
            LINES.clear();
        }
    }
}
