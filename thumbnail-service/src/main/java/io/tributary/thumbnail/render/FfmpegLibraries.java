package io.tributary.thumbnail.render;

import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.ffmpeg.global.swscale;
import org.bytedeco.javacpp.Loader;

/**
 * Loads the FFmpeg libraries the renderer calls (libavutil, libavcodec, libswscale) from the
 * {@code org.bytedeco:ffmpeg} jar, once per JVM. JavaCPP unpacks them into its cache directory ({@code -Dorg.bytedeco.javacpp.cachedir}, set by
 * the poms for tests and by the launchers for the services), beside the bundled ffmpeg executable the other services
 * run. libavdevice (and with it libpulse) is not loaded.
 */
final class FfmpegLibraries {
    private static boolean loaded;

    private FfmpegLibraries() {
    }

    /** @throws IllegalStateException if the libraries cannot be unpacked or linked */
    static synchronized void load() {
        if (loaded) {
            return;
        }
        try {
            Loader.load(avutil.class);
            Loader.load(avcodec.class);
            Loader.load(swscale.class);
        } catch (Throwable e) { // UnsatisfiedLinkError, ExceptionInInitializerError: say which cache was used
            throw new IllegalStateException("cannot load FFmpeg's libraries from org.bytedeco:ffmpeg (javacpp cache "
                    + System.getProperty("org.bytedeco.javacpp.cachedir", "~/.javacpp/cache") + "): " + e, e);
        }
        // a damaged keyframe would write its decoder's complaints to the service's stderr; the renderer learns of
        // them from return codes and frame flags instead (see KeyframeDecoder)
        avutil.av_log_set_level(avutil.AV_LOG_FATAL);
        loaded = true;
    }
}
