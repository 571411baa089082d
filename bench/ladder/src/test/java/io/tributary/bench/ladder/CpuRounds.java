package io.tributary.bench.ladder;

import io.tributary.ffmpeg.FfmpegRunner;
import io.tributary.transcode.ladder.LadderPlanner;
import io.tributary.transcode.ladder.Rung;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The per-GOP encoder against the plain command, in alternating rounds (plain, per GOP, plain, per GOP…), both as
 * fast as they go: on a machine shared with other builds, CPU time itself drifts by tens of percent from one minute
 * to the next, so one run of each would compare two different machines. The medians are compared.
 */
final class CpuRounds {

    private CpuRounds() {
    }

    static String run(FfmpegRunner ffmpeg, BenchSource source, LadderPlanner planner, List<Rung> rungs, Path dir,
                      int rounds) throws Exception {
        List<ModeRun> plain = new ArrayList<>();
        List<ModeRun> perGop = new ArrayList<>();
        StringBuilder out = new StringBuilder("| round | plain: CPU s | plain: wall s | per GOP: ffmpeg + JVM CPU s "
                + "| per GOP: wall s | CPU ratio | wall ratio | load average |\n| ---: | ---: | ---: | ---: | ---: "
                + "| ---: | ---: | --- |\n");
        for (int i = 0; i < rounds; i++) {
            ModeRun p = PlainMode.run(ffmpeg, source, rungs, dir, false);
            ModeRun g = PerGopMode.run(ffmpeg, source, planner, dir, false, false);
            plain.add(p);
            perGop.add(g);
            out.append(String.format(Locale.ROOT, "| %d | %.2f | %.2f | %.2f | %.2f | %.3f | %.3f | %s |%n", i + 1,
                    p.cpuSeconds(), p.encodeWallSeconds(), g.cpuSeconds(), g.encodeWallSeconds(),
                    g.cpuSeconds() / p.cpuSeconds(), g.encodeWallSeconds() / p.encodeWallSeconds(),
                    LadderBenchmark.loadAverage()));
        }
        double plainCpu = median(plain, ModeRun::cpuSeconds);
        double gopCpu = median(perGop, ModeRun::cpuSeconds);
        double plainWall = median(plain, ModeRun::encodeWallSeconds);
        double gopWall = median(perGop, ModeRun::encodeWallSeconds);
        out.append(String.format(Locale.ROOT, "%nMedians over %d rounds: plain %.2f s CPU (%.2f x real time on one "
                        + "core), %.2f s wall (%.2f x real time); per GOP %.2f s CPU (%.2f x), %.2f s wall (%.2f x). "
                        + "**Per GOP / plain: CPU %.3f, wall %.3f.**%n%n", rounds, plainCpu,
                source.mediaSeconds() / plainCpu, plainWall, source.mediaSeconds() / plainWall, gopCpu,
                source.mediaSeconds() / gopCpu, gopWall, source.mediaSeconds() / gopWall, gopCpu / plainCpu,
                gopWall / plainWall));
        return out.toString();
    }

    private static double median(List<ModeRun> runs, java.util.function.ToDoubleFunction<ModeRun> value) {
        List<Double> v = new ArrayList<>(runs.stream().map(value::applyAsDouble).toList());
        v.sort(Comparator.naturalOrder());
        return v.size() % 2 == 1 ? v.get(v.size() / 2) : (v.get(v.size() / 2 - 1) + v.get(v.size() / 2)) / 2;
    }
}
