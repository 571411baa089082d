package io.tributary.bench.transcode;

import io.tributary.ffmpeg.FfmpegRunner;
import io.tributary.media.flv.AudioTag;
import io.tributary.media.flv.FlvReader;
import io.tributary.media.flv.FlvTag;
import io.tributary.media.flv.VideoTag;
import io.tributary.media.gop.ClosedGop;
import io.tributary.media.gop.GopAssembler;
import io.tributary.media.gop.GopContent;
import io.tributary.media.gop.GopRecordWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A 720p30 stream as OBS sends a platform (libx264 veryfast at 3 Mb/s CBR, a keyframe every {@code gopSeconds},
 * AAC 128k), cut into GOP records as the ingest cuts them, and repeated with its timestamps moved on to last as long
 * as a run: record {@code k} of every channel has the same bytes, so the publishers only add headers.
 */
final class LiveClip {
    /** Long enough that repetition does not matter to the packager (it never sees two equal timestamps). */
    static final int CLIP_SECONDS = 20;

    /** One GOP record's value and the media span its headers declare. */
    record Record(byte[] value, long startMillis, long durationMillis) {
    }

    private final List<ClosedGop> gops;
    private final long clipMillis;

    private LiveClip(List<ClosedGop> gops, long clipMillis) {
        this.gops = gops;
        this.clipMillis = clipMillis;
    }

    static LiveClip make(Path dir, int gopSeconds) throws IOException {
        Path flv = dir.resolve("live-720p30-3M-gop" + gopSeconds + "s-" + CLIP_SECONDS + "s.flv");
        if (!Files.exists(flv)) {
            Files.createDirectories(dir);
            String gop = Integer.toString(30 * gopSeconds);
            FfmpegRunner.bundled().ffmpegOrThrow(Duration.ofMinutes(20), List.of("-loglevel", "error", "-y",
                    // temporal noise keeps the encoder busy and the bit rate honest, as camera video does
                    "-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=30,noise=alls=12:allf=t",
                    "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000",
                    "-t", Integer.toString(CLIP_SECONDS), "-map", "0:v", "-map", "1:a",
                    "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", "-b:v", "3M", "-maxrate", "3M",
                    "-bufsize", "3M", "-g", gop, "-keyint_min", gop, "-sc_threshold", "0",
                    "-c:a", "aac", "-ar", "48000", "-ac", "2", "-b:a", "128k", "-f", "flv", flv.toString()));
        }
        GopAssembler assembler = new GopAssembler(2000, 10_000);
        List<ClosedGop> closed = new ArrayList<>();
        for (FlvTag tag : new FlvReader(Files.readAllBytes(flv)).readAll()) {
            assembler.accept(tag).ifPresent(closed::add);
        }
        // the clip's last GOP ends where the clip does, not at a next keyframe (finish() is not called): repeat only
        // the whole ones, each repetition starting where the previous one's last GOP ends
        ClosedGop last = closed.get(closed.size() - 1);
        return new LiveClip(closed, last.startMillis() + last.durationMillis() - closed.get(0).startMillis());
    }

    int gopsPerClip() {
        return gops.size();
    }

    /** Record {@code k} of a channel's session: GOP {@code k mod n} of the clip, {@code k div n} clips later. */
    Record record(int k) {
        ClosedGop g = gops.get(k % gops.size());
        long shift = (k / gops.size()) * clipMillis;
        GopContent c = g.content();
        List<FlvTag> tags = new ArrayList<>(c.tags().size());
        for (FlvTag t : c.tags()) {
            if (t instanceof VideoTag v) {
                tags.add(new VideoTag(v.timestamp() + shift, v.body()));
            } else if (t instanceof AudioTag a) {
                tags.add(new AudioTag(a.timestamp() + shift, a.body()));
            } else {
                tags.add(t);
            }
        }
        GopContent shifted = new GopContent(c.onMetaData(), c.videoSequenceHeader(), c.audioSequenceHeader(), tags);
        return new Record(GopRecordWriter.write(shifted), g.startMillis() + shift, g.durationMillis());
    }

    /** Bytes per second of the stream, from its records. */
    long bytesPerSecond() {
        long bytes = gops.stream().mapToLong(g -> GopRecordWriter.write(g.content()).length).sum();
        long millis = gops.stream().mapToLong(ClosedGop::durationMillis).sum();
        return bytes * 1000 / Math.max(1, millis);
    }
}
