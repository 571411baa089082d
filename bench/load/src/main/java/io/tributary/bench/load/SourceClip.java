package io.tributary.bench.load;

import io.tributary.ffmpeg.FfmpegRunner;
import io.tributary.media.flv.FlvReader;
import io.tributary.media.flv.FlvTag;
import io.tributary.media.flv.ScriptDataTag;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The media every publisher replays: a 720p30 H.264 + AAC FLV made once by the bundled ffmpeg (testsrc2 with
 * temporal noise so that x264 has something to spend 3 Mb/s on, CBR-ish VBV, a keyframe every GOP and no scene-cut
 * keyframes), read into memory as tags.
 *
 * @param metadata       the onMetaData script tag's body, sent after publish as {@code @setDataFrame}
 * @param videoConfig    the AVC sequence header
 * @param audioConfig    the AAC AudioSpecificConfig
 * @param media          the coded frames in file order, without the configuration tags
 * @param loopMillis     the span one pass of the clip covers: timestamps of the next pass start here
 */
record SourceClip(byte[] metadata, ClipTag videoConfig, ClipTag audioConfig, List<ClipTag> media, long loopMillis) {

    /** Makes {@code file} unless it exists, then reads it. */
    static SourceClip make(Path file, int seconds, int gopSeconds, String bitrate) throws IOException {
        if (!Files.isRegularFile(file)) {
            Files.createDirectories(file.getParent());
            Path partial = file.resolveSibling(file.getFileName() + ".partial");
            String keyint = Integer.toString(30 * gopSeconds);
            FfmpegRunner.bundled().ffmpegOrThrow(Duration.ofMinutes(10), List.of("-y", "-v", "error",
                    "-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=30,noise=alls=12:allf=t",
                    "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000",
                    "-t", Integer.toString(seconds), "-map", "0:v", "-map", "1:a",
                    "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p",
                    "-b:v", bitrate, "-maxrate", bitrate, "-bufsize", bitrate,
                    "-g", keyint, "-keyint_min", keyint, "-sc_threshold", "0",
                    "-c:a", "aac", "-ar", "48000", "-ac", "2", "-b:a", "128k", "-f", "flv", partial.toString()));
            Files.move(partial, file);
        }
        return read(Files.readAllBytes(file));
    }

    static SourceClip read(byte[] flv) {
        byte[] metadata = null;
        ClipTag videoConfig = null;
        ClipTag audioConfig = null;
        List<ClipTag> media = new ArrayList<>();
        long lastVideo = 0;
        long previousVideo = -1;
        long frameMillis = 33;
        for (FlvTag tag : new FlvReader(flv).readAll()) {
            if (tag instanceof ScriptDataTag) {
                if (metadata == null) {
                    metadata = tag.body();
                }
                continue;
            }
            ClipTag clipTag = ClipTag.of(tag);
            if (clipTag.config()) {
                if (clipTag.typeId() == FlvTag.TYPE_VIDEO && videoConfig == null) {
                    videoConfig = clipTag;
                } else if (clipTag.typeId() == FlvTag.TYPE_AUDIO && audioConfig == null) {
                    audioConfig = clipTag;
                }
                continue;
            }
            if (clipTag.typeId() == FlvTag.TYPE_VIDEO) {
                if (previousVideo >= 0 && tag.timestamp() > previousVideo) {
                    frameMillis = tag.timestamp() - previousVideo;
                }
                previousVideo = tag.timestamp();
                lastVideo = Math.max(lastVideo, tag.timestamp());
            }
            media.add(clipTag);
        }
        if (videoConfig == null || audioConfig == null || media.isEmpty() || !media.get(0).keyframe()) {
            throw new IllegalArgumentException("the clip needs AVC and AAC sequence headers and must start with a keyframe");
        }
        // one frame after the last one: the next pass's first keyframe closes the last GOP on time
        long loopMillis = lastVideo + frameMillis;
        return new SourceClip(metadata == null ? new byte[0] : metadata, videoConfig, audioConfig, List.copyOf(media),
                loopMillis);
    }

    /** Index of the first keyframe at or after {@code millis} into the clip (0 if none is). */
    int keyframeAtOrAfter(long millis) {
        for (int i = 0; i < media.size(); i++) {
            ClipTag tag = media.get(i);
            if (tag.keyframe() && tag.timestamp() >= millis) {
                return i;
            }
        }
        return 0;
    }

    /** Average media bytes per second of one pass. */
    long bytesPerSecond() {
        long bytes = 0;
        for (ClipTag tag : media) {
            bytes += tag.body().length;
        }
        return bytes * 1000 / Math.max(1, loopMillis);
    }
}
