package io.tributary.ffmpeg;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the one ffmpeg and ffprobe of the project live.
 *
 * <p>By default they are the executables shipped inside the {@code org.bytedeco:ffmpeg} gpl jar (FFmpeg 7.1 with
 * libx264 and enhanced-FLV support for HEVC/AV1), unpacked by JavaCPP into its cache directory
 * ({@code -Dorg.bytedeco.javacpp.cachedir}). {@code TRIBUTARY_FFMPEG} / {@code TRIBUTARY_FFPROBE} (environment) or
 * {@code tributary.ffmpeg.path} / {@code tributary.ffprobe.path} (system properties) point at another build.
 */
public record FfmpegBinaries(Path ffmpeg, Path ffprobe) {

    private static volatile FfmpegBinaries located;

    /** Locates both executables once per JVM; the first call may take about a second to unpack them. */
    public static FfmpegBinaries locate() {
        FfmpegBinaries b = located;
        if (b == null) {
            synchronized (FfmpegBinaries.class) {
                b = located;
                if (b == null) {
                    b = new FfmpegBinaries(resolve("ffmpeg", org.bytedeco.ffmpeg.ffmpeg.class),
                            resolve("ffprobe", org.bytedeco.ffmpeg.ffprobe.class));
                    located = b;
                }
            }
        }
        return b;
    }

    private static Path resolve(String name, Class<?> bundled) {
        String override = System.getProperty("tributary." + name + ".path", System.getenv("TRIBUTARY_" + name.toUpperCase()));
        if (override != null && !override.isBlank()) {
            Path p = Path.of(override);
            if (!Files.isExecutable(p)) {
                throw new FfmpegException("configured " + name + " is not an executable file: " + p);
            }
            return p;
        }
        try {
            return Path.of(org.bytedeco.javacpp.Loader.load(bundled));
        } catch (Throwable e) {
            throw new FfmpegException("cannot unpack the bundled " + name + " from org.bytedeco:ffmpeg: " + e, e);
        }
    }
}
