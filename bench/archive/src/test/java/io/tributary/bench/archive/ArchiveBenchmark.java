package io.tributary.bench.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.tributary.archive.ArchivePipeline;
import io.tributary.archive.ArchiveSettings;
import io.tributary.archive.consume.GopArchiver;
import io.tributary.archive.encode.EncodeMode;
import io.tributary.archive.encode.GopEncoder;
import io.tributary.archive.encode.PieceEncoder;
import io.tributary.archive.store.ArchiveStore;
import io.tributary.archive.store.PartKeys;
import io.tributary.archive.store.PartName;
import io.tributary.archive.store.PartName.Piece;
import io.tributary.ffmpeg.FfmpegRunner;
import io.tributary.kafka.GopRecords;
import io.tributary.media.event.ArchiveReady;
import io.tributary.media.flv.AudioTag;
import io.tributary.media.flv.FlvReader;
import io.tributary.media.flv.FlvTag;
import io.tributary.media.flv.FlvWriter;
import io.tributary.media.flv.VideoTag;
import io.tributary.media.gop.ClosedGop;
import io.tributary.media.gop.GopAssembler;
import io.tributary.media.gop.GopContent;
import io.tributary.media.gop.GopFlag;
import io.tributary.media.gop.GopHeaders;
import io.tributary.media.gop.GopMetadata;
import io.tributary.media.gop.GopRecordWriter;
import io.tributary.storage.S3Settings;
import io.tributary.testsupport.s3.EmbeddedS3;
import io.tributary.testsupport.s3.SharedS3;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Measures what issue 8 sets as targets, with the service's own classes ({@link ArchivePipeline#archiver}) fed GOP
 * records directly (Kafka adds milliseconds, not seconds) and the embedded S3 server:
 * <ol>
 *   <li>a noisy 1080p30 clip at 6 Mb/s and a 720p30 one at 3 Mb/s (testsrc2 + temporal noise, libx264 veryfast CBR,
 *       2 s GOPs, AAC 128k: what OBS sends a platform), archived GOP by GOP: compression against the ingested bytes,
 *       SSIM of the whole archive against the source, encode speed;</li>
 *   <li>the 1080p clip again in copy mode (no re-encode): ratio and last GOP to archive-ready;</li>
 *   <li>a 10-minute 1080p30 session: the pieces of the 1080p run repeated (timestamps moved on) to 10 minutes and
 *       handed over as that session's records (so its fragments are stored in chunks as they come), then its real
 *       last GOP, flagged {@code last}: the time from handing that record over to archive-ready, on the instance that
 *       recorded the session and on another one with nothing local (after a crash).</li>
 * </ol>
 * Clip length: {@code -Dbench.seconds} (default 30). Results: stdout and {@code target/results.md}.
 */
class ArchiveBenchmark {
    private static final FfmpegRunner FFMPEG = FfmpegRunner.bundled();
    private static final Duration LONG = Duration.ofMinutes(30);
    private static final int GOP_FRAMES = 60;
    private static final int TEN_MINUTES = 600;

    @TempDir
    Path work;

    private ArchiveStore store;
    private final StringBuilder report = new StringBuilder();

    @Test
    void measure() throws Exception {
        int seconds = Integer.getInteger("bench.seconds", 30);
        EmbeddedS3 s3 = SharedS3.instance();
        store = new ArchiveStore(new S3Settings(s3.endpoint(), s3.accessKey(), s3.secretKey(), SharedS3.BUCKET,
                EmbeddedS3.REGION));
        line("# archive-service benchmark");
        line("");
        line("Machine: " + machine() + "; load average at start: " + loadAverage());
        line("Settings: libx264 preset veryfast, CRF 28 (the service defaults); audio copied; " + seconds
                + " s clips, 2 s GOPs.");
        line("");
        line("| clip | ingested bytes | archive bytes | ratio | SSIM (All) | SSIM sample (GOP 0) | encode × real time (wall) "
                + "| CPU s per media s | last GOP → archive-ready |");
        line("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        Path hdClip = clip(1920, 1080, "6M", seconds);
        Run hd = run("1080p30 6 Mb/s", hdClip, EncodeMode.REENCODE);
        run("720p30 3 Mb/s", clip(1280, 720, "3M", seconds), EncodeMode.REENCODE);
        run("1080p30 6 Mb/s, copy mode", hdClip, EncodeMode.COPY);
        line("");
        tenMinutes(hd, seconds);
        line("");
        line("Load average at end: " + loadAverage());
        String results = report.toString();
        System.out.println(results);
        String target = System.getProperty("bench.results");
        if (target != null) {
            Files.createDirectories(Path.of(target).getParent());
            Files.writeString(Path.of(target), results);
        }
    }

    /** What one clip's run left behind for the 10-minute measurement. */
    private record Run(List<Gop> gops, List<byte[]> pieces, double encodeSecondsPerGop) {
    }

    private record Announced(ArchiveReady event, long atNanos) {
    }

    /** One GOP record as the ingest writes it. */
    private record Gop(GopContent content, long startMillis, long durationMillis, byte[] value) {
    }

    private Run run(String name, Path clip, EncodeMode mode) throws Exception {
        String channel = "bench-" + shortId();
        String session = UUID.randomUUID().toString();
        List<Gop> gops = gops(clip);
        AtomicReference<Announced> ready = new AtomicReference<>();
        GopArchiver archiver = archiver(ready, "run-" + shortId(), mode);
        long ingested = 0;
        long cpu0 = childCpuTicks();
        long wall0 = System.nanoTime();
        List<byte[]> pieces = new ArrayList<>();
        for (int i = 0; i < gops.size() - 1; i++) {
            archiver.handle(record(channel, session, i, gops.get(i), false));
            ingested += gops.get(i).value().length;
        }
        double wall = (System.nanoTime() - wall0) / 1e9;
        double cpu = (childCpuTicks() - cpu0) / 100.0;
        for (String key : store.list(PartKeys.sessionPrefix(channel, session))) {
            if (PartName.parse(PartKeys.fileName(key)).orElse(null) instanceof Piece) {
                pieces.add(store.get(key).orElseThrow());
            }
        }
        Gop last = gops.get(gops.size() - 1);
        ingested += last.value().length;
        // the last GOP's piece is gone with the parts once the session is finalised: made here for the 10-minute run
        if (mode == EncodeMode.REENCODE) {
            pieces.add(ArchivePipeline.x264(ArchiveSettings.defaults(work), FFMPEG).encode(last.value()));
        }
        long t0 = System.nanoTime();
        archiver.handle(record(channel, session, gops.size() - 1, last, true));
        assertNotNull(ready.get(), "archive-ready for " + name);
        ArchiveReady event = ready.get().event();
        double lastToReady = (ready.get().atNanos() - t0) / 1e9;
        assertEquals(ingested, event.ingestedBytes());
        Path mp4 = work.resolve(session + ".mp4");
        Files.write(mp4, store.get(event.key()).orElseThrow());
        // copy mode stores the source's bitstream: nothing to measure
        String ssim = mode == EncodeMode.COPY ? "1 (same bitstream)" : String.format(Locale.ROOT, "%.4f", ssim(mp4, clip));
        double media = (gops.size() - 1) * GOP_FRAMES / 30.0;
        line(String.format(Locale.ROOT, "| %s | %,d | %,d | %.3f | %s | %s | %.2f | %.2f | %.1f s |", name,
                event.ingestedBytes(), event.bytes(), event.compressionRatio(), ssim,
                event.ssim() == null ? "-" : String.format(Locale.ROOT, "%.4f", event.ssim()), media / wall,
                cpu / media, lastToReady));
        return new Run(gops, pieces, wall / (gops.size() - 1));
    }

    /**
     * A 10-minute 1080p session: the run's GOPs repeated to 10 minutes, then its real last GOP flagged {@code last}.
     * Every record but the last is handed over as the service gets them, each pre-encoded piece replayed instead of
     * encoding it again, so the session's fragments are spooled and stored in chunks as they come. Timed twice: by
     * the instance that recorded the session, and by another instance with nothing local (after a crash: the chunks
     * in storage, the pieces after the last chunk fragmented again from storage).
     */
    private void tenMinutes(Run hd, int seconds) throws Exception {
        int copies = TEN_MINUTES / seconds;
        long clipMillis = seconds * 1000L;
        int perClip = hd.pieces().size();
        line("## Last GOP → archive-ready, 10-minute 1080p30 session");
        line("");
        line("The " + perClip + " GOPs of the 1080p run repeated " + copies + " times (timestamps moved on by the "
                + "clip length each time): one session of " + copies * perClip + " GOPs. Its last GOP, flagged `last`, "
                + "is timed from being handed over to the announcement: encoded (libx264, for real), stored, then the "
                + "session finalised (the tail's fragments, one multipart upload of the stored chunks as server-side "
                + "copies plus the tail, announce; the parts are deleted after).");
        line("");
        line("| instance | GOPs | archive bytes | archive duration | last GOP → archive-ready |");
        line("| --- | --- | --- | --- | --- |");
        for (boolean recorded : new boolean[] {true, false}) {
            String channel = "bench10-" + shortId();
            String session = UUID.randomUUID().toString();
            Map<byte[], byte[]> replay = new IdentityHashMap<>();
            GopEncoder x264 = new GopEncoder(FFMPEG, 28, "veryfast", 0, LONG);
            PieceEncoder encoder = gop -> {
                byte[] piece = replay.remove(gop);
                return piece != null ? piece : x264.encode(gop);
            };
            AtomicReference<Announced> ready = new AtomicReference<>();
            GopArchiver archiver = archiver(ready, "ten-" + shortId(), encoder);
            long seq = 0;
            for (int c = 0; c < copies; c++) {
                for (int p = 0; p < perClip; p++) {
                    if (c == copies - 1 && p == perClip - 1) {
                        break; // the session's last GOP comes flagged last, below
                    }
                    Gop gop = shifted(hd.gops().get(p), c * clipMillis);
                    replay.put(gop.value(), shifted(hd.pieces().get(p), c * clipMillis));
                    archiver.handle(record(channel, session, seq, gop, false));
                    seq++;
                }
            }
            if (!recorded) {
                archiver = archiver(ready, "ten-" + shortId(), encoder); // a fresh instance: nothing local
            }
            Gop last = shifted(hd.gops().get(perClip - 1), (copies - 1) * clipMillis);
            long t0 = System.nanoTime();
            archiver.handle(record(channel, session, seq, last, true));
            assertNotNull(ready.get(), "archive-ready for the 10-minute session");
            ArchiveReady event = ready.get().event();
            double took = (ready.get().atNanos() - t0) / 1e9;
            line(String.format(Locale.ROOT, "| %s | %d | %,d | %.1f s | %.1f s |",
                    recorded ? "the one that recorded it" : "another, after a crash", seq + 1, event.bytes(),
                    event.durationMillis() / 1000.0, took));
            store.delete(event.key());
        }
        line("");
        line(String.format(Locale.ROOT, "Encoding one 2 s 1080p GOP took %.2f s on average in the run above: the "
                + "last GOP's share of the figures.", hd.encodeSecondsPerGop()));
    }

    /** The service's handler; {@code ready} gets the event and the moment it was announced (parts not yet deleted). */
    private GopArchiver archiver(AtomicReference<Announced> ready, String workName, EncodeMode mode) {
        ArchiveSettings settings = ArchiveSettings.defaults(work.resolve(workName)).withMode(mode);
        return archiver(ready, workName, settings, ArchivePipeline.x264(settings, FFMPEG));
    }

    private GopArchiver archiver(AtomicReference<Announced> ready, String workName, PieceEncoder encoder) {
        // SSIM samples off: the replayed pieces are not the encodes of the GOPs they are handed with
        ArchiveSettings settings = ArchiveSettings.defaults(work.resolve(workName)).withSsimSampleEvery(0);
        return archiver(ready, workName, settings, encoder);
    }

    private GopArchiver archiver(AtomicReference<Announced> ready, String workName, ArchiveSettings settings,
                                 PieceEncoder encoder) {
        GopArchiver archiver = ArchivePipeline.archiver(settings, store,
                e -> ready.set(new Announced(e, System.nanoTime())), channel -> 0, FFMPEG, encoder);
        archiver.onAssigned(new TopicPartition("stream-gops", 0));
        return archiver;
    }

    private static ConsumerRecord<String, byte[]> record(String channel, String session, long seq, Gop gop, boolean last) {
        Set<GopFlag> flags = EnumSet.noneOf(GopFlag.class);
        if (seq == 0) {
            flags.add(GopFlag.FIRST);
        }
        if (last) {
            flags.add(GopFlag.LAST);
        }
        GopMetadata meta = GopMetadata.of(session, seq, gop.startMillis(), gop.durationMillis(),
                System.currentTimeMillis(), flags);
        RecordHeaders headers = new RecordHeaders(GopRecords.headers(GopHeaders.encode(meta)));
        return new ConsumerRecord<>("stream-gops", 0, seq, System.currentTimeMillis(), TimestampType.CREATE_TIME,
                channel.length(), gop.value().length, channel, gop.value(), headers, Optional.empty());
    }

    /** The clip cut into GOP records as the ingest cuts them. */
    private static List<Gop> gops(Path clip) throws IOException {
        List<Gop> gops = new ArrayList<>();
        for (ClosedGop g : closedGops(clip)) {
            gops.add(new Gop(g.content(), g.startMillis(), g.durationMillis(), GopRecordWriter.write(g.content())));
        }
        return gops;
    }

    /** The clip's GOPs as the ingest closes them (2 s target, 10 s at the most). */
    static List<ClosedGop> closedGops(Path clip) throws IOException {
        GopAssembler assembler = new GopAssembler(2_000, 10_000);
        List<ClosedGop> closed = new ArrayList<>();
        for (FlvTag tag : new FlvReader(Files.readAllBytes(clip)).readAll()) {
            assembler.accept(tag).ifPresent(closed::add);
        }
        assembler.finish().ifPresent(closed::add);
        return closed;
    }

    private static Gop shifted(Gop gop, long millis) {
        GopContent c = gop.content();
        List<FlvTag> tags = new ArrayList<>();
        for (FlvTag t : c.tags()) {
            tags.add(shifted(t, millis));
        }
        GopContent moved = new GopContent(c.onMetaData(), c.videoSequenceHeader(), c.audioSequenceHeader(), tags);
        return new Gop(moved, gop.startMillis() + millis, gop.durationMillis(), GopRecordWriter.write(moved));
    }

    private static byte[] shifted(byte[] piece, long millis) {
        FlvReader reader = new FlvReader(piece);
        FlvWriter writer = new FlvWriter(reader.header());
        while (reader.hasNext()) {
            writer.write(shifted(reader.next(), millis));
        }
        return writer.toByteArray();
    }

    private static FlvTag shifted(FlvTag t, long millis) {
        if (t instanceof VideoTag v) {
            return new VideoTag(v.timestamp() + millis, v.body());
        }
        if (t instanceof AudioTag a) {
            return new AudioTag(a.timestamp() + millis, a.body());
        }
        return t; // onMetaData stays at 0
    }

    /** A streamer's noisy source: testsrc2 with temporal luma noise, libx264 veryfast CBR, 2 s GOPs, AAC 128k. */
    private Path clip(int width, int height, String bitrate, int seconds) {
        Path out = work.resolve("source-" + height + "p.flv");
        int buffer = Integer.parseInt(bitrate.replace("M", "")) * 2;
        FFMPEG.ffmpegOrThrow(LONG, List.of("-v", "error", "-y",
                "-f", "lavfi", "-i", "testsrc2=size=" + width + "x" + height + ":rate=30",
                "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000",
                "-t", Integer.toString(seconds),
                "-map", "0:v", "-vf", "noise=c0s=8:allf=t", "-pix_fmt", "yuv420p",
                "-c:v", "libx264", "-preset", "veryfast", "-profile:v", "high",
                "-b:v", bitrate, "-maxrate", bitrate, "-bufsize", buffer + "M",
                "-g", Integer.toString(GOP_FRAMES), "-keyint_min", Integer.toString(GOP_FRAMES), "-sc_threshold", "0",
                "-map", "1:a", "-c:a", "aac", "-ar", "48000", "-ac", "2", "-b:a", "128k",
                "-f", "flv", out.toString()));
        return out;
    }

    private static double ssim(Path archive, Path source) {
        String err = FFMPEG.ffmpeg(LONG, List.of("-nostats", "-i", archive.toString(), "-i", source.toString(),
                "-lavfi", "[0:v]setpts=PTS-STARTPTS[a];[1:v]setpts=PTS-STARTPTS[b];[a][b]ssim",
                "-f", "null", "-")).stderrTail();
        Matcher m = Pattern.compile("SSIM .* All:([0-9.]+)").matcher(err);
        if (!m.find()) {
            throw new IllegalStateException("no SSIM in: " + err);
        }
        return Double.parseDouble(m.group(1));
    }

    /** CPU of the child processes this JVM has reaped (ffmpeg), in clock ticks (USER_HZ, 100 on Linux). */
    private static long childCpuTicks() throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[13]) + Long.parseLong(f[14]); // cutime, cstime (fields 16 and 17)
    }

    private static String machine() throws IOException {
        String model = Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8).stream()
                .filter(l -> l.startsWith("model name")).findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim())
                .orElse("unknown CPU");
        return Runtime.getRuntime().availableProcessors() + " CPUs (nproc), " + model;
    }

    private static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).trim();
    }

    private void line(String s) {
        report.append(s).append('\n');
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
