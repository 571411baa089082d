package io.tributary.bench.ladder;

import io.tributary.ffmpeg.FfmpegRunner;
import io.tributary.transcode.cmaf.CmafInitSegmentWriter;
import io.tributary.transcode.ladder.EncodedGop;
import io.tributary.transcode.ladder.EncoderSettings;
import io.tributary.transcode.ladder.GopLadder;
import io.tributary.transcode.ladder.LadderPlanner;
import io.tributary.transcode.ladder.Rung;
import io.tributary.transcode.ladder.RungEncoder;
import io.tributary.transcode.ladder.RungSegment;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The service's way: one ffmpeg process per GOP ({@link GopLadder}, the production code path). Paced, each GOP is
 * handed over when it is complete at ingest, so a GOP's latency includes any wait for the previous one; unpaced, the
 * GOPs go one after the other as fast as they encode (for CPU measurements).
 */
final class PerGopMode {

    private PerGopMode() {
    }

    static ModeRun run(FfmpegRunner ffmpeg, BenchSource source, LadderPlanner planner, Path dir, boolean paced,
                       boolean quality) throws Exception {
        GopLadder ladder = new GopLadder(planner, new RungEncoder(ffmpeg, EncoderSettings.defaults()));
        Map<String, ByteArrayOutputStream> files = new LinkedHashMap<>();
        Map<String, Rung> rungs = new LinkedHashMap<>();
        List<Long> latencies = new ArrayList<>();
        double ffmpegCpu = 0;
        double wall = 0;
        double jvmBefore = Quality.jvmCpuSeconds();
        long t0 = System.nanoTime();
        for (int k = 0; k < source.jobs().size(); k++) {
            long available = paced ? t0 + source.availableAfterMillis(k) * 1_000_000 : System.nanoTime();
            sleepUntil(available);
            EncodedGop gop = ladder.encode(source.jobs().get(k), List.of(), Set.of());
            long done = System.nanoTime();
            latencies.add((done - available) / 1_000_000);
            ffmpegCpu += gop.cpu().toNanos() / 1e9;
            wall += gop.wall().toNanos() / 1e9;
            for (RungSegment s : gop.segments()) {
                ByteArrayOutputStream file = files.computeIfAbsent(s.rendition(), r -> new ByteArrayOutputStream());
                if (file.size() == 0) {
                    file.write(CmafInitSegmentWriter.write(s.track().format()));
                }
                file.write(s.track().segment().bytes());
                rungs.put(s.rendition(), s.rung());
            }
        }
        double jvmCpu = Quality.jvmCpuSeconds() - jvmBefore;
        List<ModeRun.RungQuality> measured = new ArrayList<>();
        for (Map.Entry<String, ByteArrayOutputStream> f : files.entrySet()) {
            if (!quality) {
                break;
            }
            Path out = Files.write(dir.resolve(source.name() + "-pergop-" + f.getKey() + ".mp4"),
                    f.getValue().toByteArray());
            measured.add(Quality.measure(ffmpeg, out, source.flv(), rungs.get(f.getKey()), source.mediaSeconds()));
        }
        return new ModeRun("one process per GOP (the service)", source.mediaSeconds(), ffmpegCpu, jvmCpu, wall,
                latencies, measured, "yes (checked on every GOP by RungTiming)");
    }

    static void sleepUntil(long nanoTime) throws InterruptedException {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }
}
