package io.tributary.testsupport.media;

import io.tributary.ffmpeg.FfmpegRunner;
import io.tributary.testsupport.TempDirs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Test clips made on the fly by the bundled ffmpeg from its synthetic sources ({@code testsrc2} pictures with a moving
 * pattern and a frame counter, a 440 Hz {@code sine} tone), so no media file is committed.
 *
 * <p>Every clip has fixed GOPs: a keyframe every {@code gopFrames} frames exactly ({@code -g}, {@code -keyint_min}, no
 * scene-cut keyframes), as an encoder configured for live streaming sends them; audio is AAC-LC, 48 kHz, stereo.
 * A clip is made once per JVM and parameters, in one temporary directory removed when the JVM ends.
 */
public final class TestMedia {
    private static final Map<String, Path> MADE = new HashMap<>();
    private static FfmpegRunner ffmpeg;
    private static Path dir;

    private TestMedia() {
    }

    /** H.264 (High, yuv420p) + AAC in FLV, as OBS or {@code ffmpeg -f flv} publish it. */
    public static Path h264Aac(Duration length, int width, int height, int fps, int gopFrames) {
        return make(new Clip("h264-aac", length, width, height, fps, gopFrames, "flv"));
    }

    /** The same as {@link #h264Aac} in MP4, for publishers that run {@code ffmpeg -re -i clip.mp4 -c copy -f flv rtmp://...}. */
    public static Path h264AacMp4(Duration length, int width, int height, int fps, int gopFrames) {
        return make(new Clip("h264-aac", length, width, height, fps, gopFrames, "mp4"));
    }

    /** HEVC (Main) + AAC in enhanced FLV (video FourCC {@code hvc1}), as FFmpeg 7.1 writes it with {@code -f flv}. */
    public static Path hevcAac(Duration length, int width, int height, int fps, int gopFrames) {
        return make(new Clip("hevc-aac", length, width, height, fps, gopFrames, "flv"));
    }

    /** AAC only in FLV: a radio-style stream. */
    public static Path audioOnly(Duration length) {
        return make(new Clip("aac", length, 0, 0, 0, 0, "flv"));
    }

    /** H.264 only in FLV: a stream without audio. */
    public static Path videoOnly(Duration length, int width, int height, int fps, int gopFrames) {
        return make(new Clip("h264", length, width, height, fps, gopFrames, "flv"));
    }

    /** What to make; {@code kind} names the codecs, hyphen-separated. */
    private record Clip(String kind, Duration length, int width, int height, int fps, int gopFrames, String container) {
        Clip {
            if (length.isNegative() || length.isZero()) {
                throw new IllegalArgumentException("clip length must be positive: " + length);
            }
            boolean video = hasVideo(kind);
            if (video && (width <= 0 || height <= 0 || width % 2 != 0 || height % 2 != 0)) {
                // 4:2:0 chroma is subsampled by two in both directions
                throw new IllegalArgumentException("width and height must be positive and even: " + width + "x" + height);
            }
            if (video && (fps <= 0 || gopFrames <= 0)) {
                throw new IllegalArgumentException("fps and gopFrames must be positive: " + fps + ", " + gopFrames);
            }
        }

        static boolean hasVideo(String kind) {
            return kind.startsWith("h264") || kind.startsWith("hevc");
        }

        boolean hasVideo() {
            return hasVideo(kind);
        }

        boolean hasAudio() {
            return kind.endsWith("aac");
        }

        String fileName() {
            String video = hasVideo() ? "-" + width + "x" + height + "-" + fps + "fps-gop" + gopFrames : "";
            return kind + "-" + length.toMillis() + "ms" + video + "." + container;
        }

        String seconds() {
            return String.format(Locale.ROOT, "%.3f", length.toMillis() / 1000.0);
        }

        List<String> ffmpegArgs(Path output) {
            List<String> args = new ArrayList<>(List.of("-loglevel", "error", "-y"));
            if (hasVideo()) {
                args.addAll(List.of("-f", "lavfi", "-i", "testsrc2=size=" + width + "x" + height + ":rate=" + fps));
            }
            if (hasAudio()) {
                args.addAll(List.of("-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000"));
            }
            args.addAll(List.of("-t", seconds()));
            if (hasVideo()) {
                String gop = Integer.toString(gopFrames);
                args.addAll(List.of("-map", "0:v", "-pix_fmt", "yuv420p"));
                if (kind.startsWith("hevc")) {
                    // libx265 takes its GOP from its own parameters; scenecut=0 is its -sc_threshold 0
                    args.addAll(List.of("-c:v", "libx265", "-preset", "ultrafast", "-x265-params",
                            "keyint=" + gop + ":min-keyint=" + gop + ":scenecut=0:log-level=error"));
                } else {
                    args.addAll(List.of("-c:v", "libx264", "-preset", "veryfast", "-profile:v", "high",
                            "-g", gop, "-keyint_min", gop, "-sc_threshold", "0"));
                }
            }
            if (hasAudio()) {
                // the tone is mono: -ac 2 makes the stereo a streaming encoder sends
                args.addAll(List.of("-map", (hasVideo() ? "1" : "0") + ":a",
                        "-c:a", "aac", "-ar", "48000", "-ac", "2", "-b:a", "128k"));
            }
            if (container.equals("mp4")) {
                // moov first, so -re -i reads it without seeking to the end
                args.addAll(List.of("-movflags", "+faststart", "-f", "mp4"));
            } else {
                args.addAll(List.of("-f", "flv"));
            }
            args.add(output.toString());
            return args;
        }

        /** Encoding speed on a busy 2-core machine is about real time for HEVC: give ten times that, plus start-up. */
        Duration timeout() {
            return Duration.ofSeconds(60).plus(length.multipliedBy(10));
        }
    }

    private static synchronized Path make(Clip clip) {
        Path made = MADE.get(clip.fileName());
        if (made != null) {
            return made;
        }
        Path target = directory().resolve(clip.fileName());
        Path partial = directory().resolve(clip.fileName() + ".partial." + clip.container);
        runner().ffmpegOrThrow(clip.timeout(), clip.ffmpegArgs(partial));
        try {
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + partial + " to " + target, e);
        }
        MADE.put(clip.fileName(), target);
        return target;
    }

    private static FfmpegRunner runner() {
        if (ffmpeg == null) {
            ffmpeg = FfmpegRunner.bundled();
        }
        return ffmpeg;
    }

    private static Path directory() {
        if (dir == null) {
            Path created = TempDirs.create("tributary-media-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> TempDirs.delete(created), "test-media-cleanup"));
            dir = created;
        }
        return dir;
    }
}
