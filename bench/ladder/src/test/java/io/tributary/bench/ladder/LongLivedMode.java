package io.tributary.bench.ladder;

import io.tributary.ffmpeg.FfmpegRunner;
import io.tributary.media.flv.VideoTag;
import io.tributary.transcode.cmaf.CmafFragmenter;
import io.tributary.transcode.cmaf.CmafInitSegmentWriter;
import io.tributary.transcode.cmaf.FlvSampleMapper;
import io.tributary.transcode.cmaf.Sample;
import io.tributary.transcode.ladder.CodedFrame;
import io.tributary.transcode.ladder.EncodedRung;
import io.tributary.transcode.ladder.EncoderSettings;
import io.tributary.transcode.ladder.LadderJob;
import io.tributary.transcode.ladder.Rung;
import io.tributary.transcode.ladder.RungEncodingException;
import io.tributary.transcode.ladder.RungTiming;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The alternative: one ffmpeg process for the whole stream ({@link LongLivedLadder}), fed each GOP when it is
 * complete at ingest. A GOP's latency ends when every rung has put out that GOP's last frame. Its output goes through
 * the same alignment check and CMAF packaging as the service's.
 */
final class LongLivedMode {

    private LongLivedMode() {
    }

    static ModeRun run(FfmpegRunner ffmpeg, BenchSource source, List<Rung> rungs, boolean zeroLatency, Path dir)
            throws Exception {
        List<LadderJob> jobs = source.jobs();
        List<Integer> frameCounts = new ArrayList<>();
        // when each GOP was complete at ingest: a write that blocks because ffmpeg is behind is latency too
        List<Long> availableAt = new ArrayList<>();
        double jvmBefore = Quality.jvmCpuSeconds();
        long started = System.nanoTime();
        String report;
        LongLivedLadder ladder = new LongLivedLadder(ffmpeg.binaries().ffmpeg(), source.width(), rungs,
                EncoderSettings.defaults(), zeroLatency, dir);
        try (ladder) {
            long t0 = System.nanoTime();
            for (int k = 0; k < jobs.size(); k++) {
                long available = t0 + source.availableAfterMillis(k) * 1_000_000;
                PerGopMode.sleepUntil(available);
                List<VideoTag> frames = BenchSource.codedFrames(jobs.get(k).content());
                availableAt.add(available);
                ladder.write(jobs.get(k).content().videoSequenceHeader(), frames);
                frameCounts.add(frames.size());
            }
            report = ladder.finish();
        }
        double wall = (System.nanoTime() - started) / 1e9;
        double jvmCpu = Quality.jvmCpuSeconds() - jvmBefore;

        List<Long> latencies = new ArrayList<>();
        int cumulative = 0;
        for (int k = 0; k < jobs.size(); k++) {
            cumulative += frameCounts.get(k);
            long ready = 0;
            for (int r = 0; r < rungs.size(); r++) {
                List<LongLivedLadder.Arrival> a = ladder.arrivals(r);
                ready = Math.max(ready, a.size() >= cumulative ? a.get(cumulative - 1).nanoTime() : Long.MAX_VALUE);
            }
            latencies.add(ready == Long.MAX_VALUE ? -1 : (ready - availableAt.get(k)) / 1_000_000);
        }

        String aligned = "yes";
        List<ModeRun.RungQuality> quality = new ArrayList<>();
        for (int r = 0; r < rungs.size(); r++) {
            ByteArrayOutputStream file = new ByteArrayOutputStream();
            file.write(CmafInitSegmentWriter.write(ladder.format(r)));
            List<LongLivedLadder.Arrival> arrivals = ladder.arrivals(r);
            int from = 0;
            for (int k = 0; k < jobs.size() && "yes".equals(aligned); k++) {
                LadderJob job = jobs.get(k);
                List<Sample> samples = FlvSampleMapper.map(job.content(), job.endMillis()).video();
                int to = Math.min(arrivals.size(), from + frameCounts.get(k));
                List<CodedFrame> frames = arrivals.subList(from, to).stream()
                        .map(a -> new CodedFrame(a.ptsMillis(), a.keyframe(), a.data())).toList();
                from = to;
                try {
                    List<Sample> rungSamples = RungTiming.align(samples, new EncodedRung(rungs.get(r),
                            ladder.format(r), frames));
                    file.write(CmafFragmenter.fragment(ladder.format(r), job.sequence(), rungSamples).bytes());
                } catch (RungEncodingException e) {
                    aligned = "no: GOP " + k + ": " + e.getMessage();
                }
            }
            Path out = Files.write(dir.resolve(source.name() + "-longlived-" + zeroLatency + "-" + rungs.get(r).name()
                    + ".mp4"), file.toByteArray());
            quality.add(Quality.measure(ffmpeg, out, source.flv(), rungs.get(r), source.mediaSeconds()));
        }
        String mode = zeroLatency ? "one process per stream, -tune zerolatency" : "one process per stream";
        return new ModeRun(mode, source.mediaSeconds(), Quality.cpuSeconds(report), jvmCpu, wall, latencies,
                quality, aligned);
    }
}
