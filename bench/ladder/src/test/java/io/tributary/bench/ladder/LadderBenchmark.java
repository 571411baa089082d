package io.tributary.bench.ladder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.ffmpeg.FfmpegRunner;
import io.tributary.transcode.ladder.Ladder;
import io.tributary.transcode.ladder.LadderPlanner;
import io.tributary.transcode.ladder.Rung;
import io.tributary.transcode.ladder.RungSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ABR ladder's encode speed for the default ladder from a 1080p30 and a 720p30 source, against one plain ffmpeg
 * command making the same ladder from the same file, and the service's one-process-per-GOP encoder against one
 * long-lived process per stream (with and without x264's zero-latency tuning). See README.md.
 */
class LadderBenchmark {
    @TempDir
    Path dir;

    @Test
    void measure() throws Exception {
        FfmpegRunner ffmpeg = FfmpegRunner.bundled();
        int seconds = Integer.parseInt(System.getProperty("bench.seconds", "12"));
        int rounds = Integer.parseInt(System.getProperty("bench.rounds", "3"));
        LadderPlanner planner = new LadderPlanner(new Ladder(List.of("1080p", "720p", "480p", "360p").stream()
                .map(n -> RungSpec.named(n, Map.of())).toList(), null), Map.of());
        StringBuilder report = new StringBuilder("# ABR ladder benchmark\n\n");
        report.append(machine()).append("\n\n");
        String[][] sources = {{"1080p30", "1920", "1080", "6M"}, {"720p30", "1280", "720", "3M"}};
        for (String[] s : sources) {
            BenchSource source = BenchSource.make(ffmpeg, dir, s[0], Integer.parseInt(s[1]), Integer.parseInt(s[2]),
                    seconds, s[3]);
            List<Rung> rungs = planner.plan(source.width(), source.height(), BenchSource.CHANNEL).stream()
                    .filter(r -> !r.passthrough()).toList();
            List<ModeRun> runs = new ArrayList<>();
            runs.add(PlainMode.run(ffmpeg, source, rungs, dir, true));
            runs.add(PerGopMode.run(ffmpeg, source, planner, dir, true, true));
            if (!Boolean.getBoolean("bench.skipLongLived")) {
                runs.add(LongLivedMode.run(ffmpeg, source, rungs, false, dir));
                runs.add(LongLivedMode.run(ffmpeg, source, rungs, true, dir));
            }
            report.append(section(source, s[3], rungs, runs));
            report.append("### Per GOP against the plain command, alternating rounds\n\n")
                    .append(CpuRounds.run(ffmpeg, source, planner, rungs, dir, rounds));
            ModeRun perGop = runs.get(1);
            assertEquals(rungs.size(), perGop.rungs().size());
            assertEquals(source.jobs().size(), perGop.latenciesMillis().size());
            assertTrue(perGop.rungs().stream().allMatch(q -> q.psnrY() > 20), perGop.rungs().toString());
        }
        report.append("Load average at the end: ").append(loadAverage()).append('\n');
        String text = report.toString();
        System.out.println(text);
        String results = System.getProperty("bench.results");
        if (results != null) {
            Files.writeString(Path.of(results), text);
        }
    }

    private static String section(BenchSource source, String rate, List<Rung> rungs, List<ModeRun> runs) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "## %s source (%dx%d at %s, %.1f s, %d GOP records) -> %s%n%n",
                source.name(), source.width(), source.height(), rate, source.mediaSeconds(), source.jobs().size(),
                rungs.stream().map(r -> r.name() + " " + r.width() + "x" + r.height() + " "
                        + r.bitsPerSecond() / 1000 + " kb/s").collect(Collectors.joining(", "))));
        out.append("| mode | ffmpeg CPU s | JVM CPU s | CPU per GOP ms | speed, CPU (x real time, 1 core) "
                + "| encode wall s | speed, wall (x real time) | GOP latency ms: first / median / max of the rest "
                + "| aligned with the source |\n");
        out.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |\n");
        for (ModeRun r : runs) {
            out.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.0f | %.2f | %.2f | %.2f | %s | %s |%n",
                    r.mode(), r.ffmpegCpuSeconds(), r.jvmCpuSeconds(),
                    r.cpuSeconds() * 1000 / source.jobs().size(), r.cpuSpeed(), r.encodeWallSeconds(), r.wallSpeed(),
                    latencies(r.latenciesMillis()), r.aligned()));
        }
        ModeRun plain = runs.get(0);
        ModeRun perGop = runs.get(1);
        out.append(String.format(Locale.ROOT, "%nIn this one run, per GOP against the plain command: CPU (ffmpeg + "
                        + "JVM) %.3f x, ffmpeg CPU alone %.3f x, wall %.3f x.%n%n",
                perGop.cpuSeconds() / plain.cpuSeconds(), perGop.ffmpegCpuSeconds() / plain.ffmpegCpuSeconds(),
                perGop.encodeWallSeconds() / plain.encodeWallSeconds()));
        out.append("| rung | mode | kb/s | PSNR-Y dB |\n| --- | --- | ---: | ---: |\n");
        for (int i = 0; i < rungs.size(); i++) {
            for (ModeRun r : runs) {
                ModeRun.RungQuality q = r.rungs().get(i);
                out.append(String.format(Locale.ROOT, "| %s | %s | %d | %.2f |%n", q.rung(), r.mode(), q.kbps(),
                        q.psnrY()));
            }
        }
        return out.append('\n').toString();
    }

    /** The first GOP's latency (start-up), then the median and maximum of the others but the last (flushed at end). */
    private static String latencies(List<Long> ms) {
        if (ms.isEmpty()) {
            return "n/a";
        }
        List<Long> rest = ms.size() > 2 ? new ArrayList<>(ms.subList(1, ms.size() - 1)) : new ArrayList<>(ms);
        rest.sort(null);
        return ms.get(0) + " / " + rest.get(rest.size() / 2) + " / " + rest.get(rest.size() - 1);
    }

    private static String machine() throws Exception {
        String model = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                .filter(l -> l.startsWith("model name")).findFirst().map(l -> l.replaceFirst(".*:\\s*", ""))
                .orElse("unknown");
        return String.format(Locale.ROOT, "Machine: nproc %d, model name \"%s\", Java %s, bundled FFmpeg 7.1. "
                        + "Load average at the start: %s",
                Runtime.getRuntime().availableProcessors(), model, System.getProperty("java.version"), loadAverage());
    }

    static String loadAverage() throws Exception {
        String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return f[0] + " " + f[1] + " " + f[2];
    }
}
