package io.tributary.bench.ladder;

import io.tributary.ffmpeg.FfmpegRunner;
import io.tributary.ffmpeg.ProcessResult;
import io.tributary.transcode.ladder.EncoderSettings;
import io.tributary.transcode.ladder.Rung;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The reference: the one plain ffmpeg command anyone would write for the same ladder from the same file — one decode,
 * split, scale, libx264 with the same preset, profile, rates, VBV and B-frames, a keyframe every 60 frames (where the
 * source has its own), no scene cuts — run as fast as it goes.
 */
final class PlainMode {

    private PlainMode() {
    }

    static List<String> command(Path input, List<Rung> rungs, List<Path> outputs) {
        EncoderSettings s = EncoderSettings.defaults();
        StringBuilder graph = new StringBuilder("[0:v]split=" + rungs.size());
        for (int i = 0; i < rungs.size(); i++) {
            graph.append("[s").append(i).append(']');
        }
        for (int i = 0; i < rungs.size(); i++) {
            Rung r = rungs.get(i);
            graph.append(";[s").append(i).append("]scale=").append(r.width()).append(':').append(r.height())
                    .append(",setsar=1,format=yuv420p[v").append(i).append(']');
        }
        List<String> args = new ArrayList<>(List.of("-loglevel", "info", "-nostats", "-benchmark", "-y",
                "-i", input.toString(), "-filter_complex", graph.toString()));
        for (int i = 0; i < rungs.size(); i++) {
            Rung r = rungs.get(i);
            args.addAll(List.of("-map", "[v" + i + "]", "-c:v", "libx264", "-preset", s.preset(),
                    "-profile:v", s.profile(), "-b:v", Long.toString(r.bitsPerSecond()),
                    "-maxrate", Long.toString(Math.round(r.bitsPerSecond() * s.peakFactor())),
                    "-bufsize", Long.toString(r.bitsPerSecond() * s.buffer().toSeconds()),
                    "-bf", "0", "-g", "60", "-keyint_min", "60", "-sc_threshold", "0",
                    "-f", "flv", outputs.get(i).toString()));
        }
        return args;
    }

    static ModeRun run(FfmpegRunner ffmpeg, BenchSource source, List<Rung> rungs, Path dir, boolean quality)
            throws Exception {
        List<Path> outputs = new ArrayList<>();
        for (Rung r : rungs) {
            outputs.add(dir.resolve(source.name() + "-plain-" + r.name() + ".flv"));
        }
        long started = System.nanoTime();
        ProcessResult result = ffmpeg.ffmpeg(Duration.ofMinutes(30), command(source.flv(), rungs, outputs));
        double wall = (System.nanoTime() - started) / 1e9;
        if (!result.succeeded()) {
            throw new IllegalStateException("plain ffmpeg failed: " + result.stderrTail());
        }
        List<ModeRun.RungQuality> measured = new ArrayList<>();
        for (int i = 0; i < rungs.size() && quality; i++) {
            measured.add(Quality.measure(ffmpeg, outputs.get(i), source.flv(), rungs.get(i), source.mediaSeconds()));
        }
        return new ModeRun("one plain ffmpeg command (reference)", source.mediaSeconds(),
                Quality.cpuSeconds(result.stderrTail()), 0, wall, List.of(), measured, "n/a");
    }
}
