package io.tributary.bench.ladder;

import io.tributary.ffmpeg.FfmpegRunner;
import io.tributary.media.flv.VideoPacket;
import io.tributary.media.flv.VideoTag;
import io.tributary.media.gop.GopContent;
import io.tributary.media.gop.GopRecordReader;
import io.tributary.testsupport.gop.TestGops;
import io.tributary.transcode.ladder.LadderJob;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A source clip and its GOP records, as the ingest makes them: testsrc2 with temporal noise (so that every frame
 * costs the encoder what camera footage does, not what a static pattern does), H.264 High with B-frames (as OBS and
 * ffmpeg send by default), a keyframe every 2 s, AAC audio.
 */
record BenchSource(String name, Path flv, int width, int height, List<LadderJob> jobs, double mediaSeconds) {
    static final String CHANNEL = "bench";

    static BenchSource make(FfmpegRunner ffmpeg, Path dir, String name, int width, int height, int seconds,
                            String bitrate) {
        Path flv = dir.resolve(name + ".flv");
        ffmpeg.ffmpegOrThrow(Duration.ofMinutes(20), List.of("-v", "error", "-y",
                "-f", "lavfi", "-i", "testsrc2=size=" + width + "x" + height + ":rate=30",
                "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000", "-t", Integer.toString(seconds),
                "-vf", "noise=alls=20:allf=t", "-c:v", "libx264", "-preset", "veryfast", "-profile:v", "high",
                "-pix_fmt", "yuv420p", "-b:v", bitrate, "-maxrate", bitrate, "-bufsize", bitrate,
                "-g", "60", "-keyint_min", "60", "-sc_threshold", "0",
                "-c:a", "aac", "-b:a", "128k", "-ac", "2", "-f", "flv", flv.toString()));
        List<LadderJob> jobs = new ArrayList<>();
        long first = -1;
        long end = 0;
        for (TestGops.TestGop gop : TestGops.split(flv, "01BENCH" + name.toUpperCase())) {
            GopContent content = GopRecordReader.read(gop.value());
            jobs.add(LadderJob.of(CHANNEL, gop.metadata(), content));
            first = first < 0 ? gop.metadata().mediaStartMillis() : first;
            end = gop.metadata().mediaStartMillis() + gop.metadata().mediaDurationMillis();
        }
        return new BenchSource(name, flv, width, height, jobs, (end - first) / 1000.0);
    }

    /** When GOP {@code k} is complete at ingest, in milliseconds after the stream's first GOP began. */
    long availableAfterMillis(int k) {
        LadderJob job = jobs.get(k);
        return job.endMillis().getAsLong() - jobs.get(0).content().mediaStartMillis();
    }

    /** The GOP's coded video frames, as a decoder reads them. */
    static List<VideoTag> codedFrames(GopContent content) {
        List<VideoTag> frames = new ArrayList<>();
        content.tags().forEach(t -> {
            if (t instanceof VideoTag v && v.packet().kind() == VideoPacket.Kind.CODED_FRAMES) {
                frames.add(v);
            }
        });
        return frames;
    }
}
