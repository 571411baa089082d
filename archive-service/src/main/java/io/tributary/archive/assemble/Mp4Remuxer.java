package io.tributary.archive.assemble;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.ffmpeg.FfmpegException;
import io.tributary.ffmpeg.FfmpegRunner;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Turns a session's concatenated FLV into its MP4 without touching the media ({@code -c copy}): one pass through
 * the file, then {@code +faststart} moves the index ({@code moov}) in front so browsers and players start at once
 * and seek by range requests. The MP4 starts at zero; audio and video keep their offset to each other.
 */
public final class Mp4Remuxer {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FfmpegRunner ffmpeg;
    private final Duration timeout;

    public Mp4Remuxer(FfmpegRunner ffmpeg, Duration timeout) {
        this.ffmpeg = ffmpeg;
        this.timeout = timeout;
    }

    public void remux(Path flv, Path mp4) {
        ffmpeg.ffmpegOrThrow(timeout, List.of("-v", "error", "-y",
                "-f", "flv", "-i", flv.toString(),
                "-map", "0:v?", "-map", "0:a?",
                "-c", "copy",
                "-movflags", "+faststart",
                "-f", "mp4", mp4.toString()));
    }

    /** What ffprobe says about the MP4. */
    public Mp4Facts probe(Path mp4) {
        String json = ffmpeg.probeJson(Duration.ofSeconds(60), mp4);
        try {
            JsonNode root = JSON.readTree(json);
            double seconds = root.path("format").path("duration").asDouble(-1);
            if (seconds < 0) {
                throw new FfmpegException("ffprobe gave no duration for " + mp4);
            }
            boolean video = false;
            boolean audio = false;
            for (JsonNode s : root.path("streams")) {
                String type = s.path("codec_type").asText();
                video |= type.equals("video");
                audio |= type.equals("audio");
            }
            return new Mp4Facts(Math.round(seconds * 1000), video, audio);
        } catch (IOException e) {
            throw new FfmpegException("ffprobe output is not JSON: " + e.getMessage(), e);
        }
    }

    /** @param durationMillis the container's duration (the longer of audio and video) */
    public record Mp4Facts(long durationMillis, boolean hasVideo, boolean hasAudio) {
    }
}
