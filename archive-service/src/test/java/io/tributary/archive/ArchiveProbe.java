package io.tributary.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.ffmpeg.FfmpegRunner;
import io.tributary.ffmpeg.ProcessResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** What ffprobe and a full decode say about a media file: the facts the archive tests compare. */
record ArchiveProbe(double durationSeconds, String videoCodec, long videoFrames, double videoStart, String audioCodec,
                    double audioStart, String decodeErrors) {
    private static final FfmpegRunner FFMPEG = FfmpegRunner.bundled();
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    static ArchiveProbe of(Path media) {
        try {
            JsonNode root = new ObjectMapper().readTree(FFMPEG.probeJson(TIMEOUT, media, "-count_packets"));
            JsonNode video = null;
            JsonNode audio = null;
            for (JsonNode s : root.path("streams")) {
                if (s.path("codec_type").asText().equals("video")) {
                    video = s;
                } else if (s.path("codec_type").asText().equals("audio")) {
                    audio = s;
                }
            }
            ProcessResult decode = FFMPEG.ffmpeg(TIMEOUT, List.of("-v", "error", "-i", media.toString(), "-f", "null", "-"));
            String errors = decode.succeeded() ? decode.stderrTail() : "exit " + decode.exitCode() + ": " + decode.stderrTail();
            return new ArchiveProbe(root.path("format").path("duration").asDouble(),
                    video == null ? null : video.path("codec_name").asText(),
                    video == null ? 0 : video.path("nb_read_packets").asLong(),
                    video == null ? 0 : video.path("start_time").asDouble(),
                    audio == null ? null : audio.path("codec_name").asText(),
                    audio == null ? 0 : audio.path("start_time").asDouble(),
                    errors);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The clip as an MP4 made without re-encoding: what an archive of it must match (its pushed length). */
    static ArchiveProbe ofSourceRemuxed(Path flvClip, Path workDir) {
        try {
            Path mp4 = Files.createTempFile(workDir, "source-", ".mp4");
            FFMPEG.ffmpegOrThrow(TIMEOUT, List.of("-v", "error", "-y", "-i", flvClip.toString(), "-c", "copy",
                    "-f", "mp4", mp4.toString()));
            return of(mp4);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Video start minus audio start: what keeps lips and voices together. */
    double avOffset() {
        return videoStart - audioStart;
    }
}
