package io.tributary.deploy.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.ffmpeg.FfmpegRunner;
import io.tributary.ffmpeg.ProcessResult;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the bundled ffprobe makes of a file or URL: its format and streams, and, with {@link #decoding}, how many
 * frames of each stream it decoded from the first seconds, which proves the media plays rather than parses.
 */
public final class MediaProbe {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final FfmpegRunner runner;

    public MediaProbe(FfmpegRunner runner) {
        this.runner = runner;
    }

    /** The probe's JSON ({@code format}, {@code streams}); throws with ffprobe's own words when it fails. */
    public JsonNode describe(String input, Duration timeout) {
        return run(input, timeout, List.of());
    }

    /** Like {@link #describe} with {@code nb_read_frames} per stream: the frames decoded from its first seconds. */
    public JsonNode decoding(String input, Duration seconds, Duration timeout) {
        return run(input, timeout, List.of("-count_frames", "-read_intervals", "%+" + seconds.toSeconds()));
    }

    /** The first stream of a type ({@code video}, {@code audio}). */
    public static Optional<JsonNode> stream(JsonNode probe, String codecType) {
        for (JsonNode stream : probe.path("streams")) {
            if (codecType.equals(stream.path("codec_type").asText())) {
                return Optional.of(stream);
            }
        }
        return Optional.empty();
    }

    private JsonNode run(String input, Duration timeout, List<String> extra) {
        List<String> args = new ArrayList<>(List.of("-v", "error", "-print_format", "json", "-show_format",
                "-show_streams"));
        args.addAll(extra);
        args.add(input);
        ProcessResult result = runner.ffprobe(timeout, null, args);
        if (!result.succeeded()) {
            throw new AssertionError("ffprobe " + input + " exited with " + result.exitCode() + ": "
                    + result.stderrTail());
        }
        try {
            return JSON.readTree(result.stdoutText());
        } catch (IOException e) {
            throw new AssertionError("ffprobe " + input + " printed no JSON: " + result.stdoutText(), e);
        }
    }
}
