package io.tributary.thumbnail.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tributary.kafka.GopRecords;
import io.tributary.media.event.ThumbnailPublished;
import io.tributary.media.gop.GopHeaders;
import io.tributary.media.gop.GopMetadata;
import io.tributary.testsupport.kafka.SharedKafka;
import io.tributary.testsupport.media.TestMedia;
import io.tributary.thumbnail.consume.ThumbnailHandler;
import io.tributary.thumbnail.metrics.ThumbnailMetrics;
import io.tributary.thumbnail.publish.EventPublisher;
import io.tributary.thumbnail.render.JpegRenderer;
import io.tributary.thumbnail.render.Keyframe;
import io.tributary.thumbnail.render.KeyframeCut;
import io.tributary.thumbnail.render.RenderSettings;
import io.tributary.thumbnail.render.Rendering;
import io.tributary.thumbnail.store.ThumbnailStore;
import io.tributary.testsupport.gop.TestGops;
import io.tributary.testsupport.gop.TestGops.TestGop;
import io.tributary.thumbnail.testing.ClipGops;
import io.tributary.thumbnail.testing.Eventually;
import io.tributary.thumbnail.testing.HandWiredService;
import io.tributary.thumbnail.testing.PublishedEvents;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

/**
 * The thumbnail benchmark (bench/thumbnail/README.md). Not part of {@code mvn verify}: its name matches neither
 * surefire's nor failsafe's patterns. Run it with
 * {@code mvn -o -q -pl thumbnail-service verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ThumbnailBench}.
 *
 * <ol>
 *   <li>CPU per thumbnail: the render step alone (cut, decode, scale, encode, all in this JVM), in a JVM with
 *       nothing else running yet: {@code getProcessCpuTime}, FFmpeg's native code included. The JVM's reaped
 *       children ({@code /proc/self/stat} cutime + cstime) are shown too: zero now that no ffmpeg process is
 *       started (the column the ffmpeg-process renderer's figures were in).</li>
 *   <li>Delay, one stream at a time: a GOP record sent to Kafka (its {@code closedAtEpochMillis} set at that moment)
 *       until latest.jpg is written and the event created ({@code publishedAt}), through the whole service on the
 *       embedded broker and S3 server.</li>
 *   <li>Burst: 100 streams go live at the same moment; how long until all 100 have their first picture.</li>
 *   <li>The handler's cost for a record whose minute already has its picture.</li>
 * </ol>
 * The results are printed and written to {@code thumbnail-service/target/bench/thumbnail-bench.txt}.
 */
class ThumbnailBench {
    private static final int FPS = 30;
    /** Two-second GOPs, what OBS and most platforms recommend. */
    private static final int GOP_FRAMES = 60;
    private static final int RENDERS = 40;
    private static final int STEADY_STREAMS = 20;
    private static final int BURST_STREAMS = 100;
    private static final int WORKER_THREADS = 4;

    private final StringBuilder report = new StringBuilder();

    @Test
    void measure() throws Exception {
        line("machine: nproc %d, %s, load average %s (shared with other builds: figures are pessimistic)",
                Runtime.getRuntime().availableProcessors(), cpuModel(), loadAverage());
        Path clip720 = TestMedia.h264Aac(Duration.ofSeconds(10), 1280, 720, FPS, GOP_FRAMES);
        Path clip1080 = TestMedia.h264Aac(Duration.ofSeconds(10), 1920, 1080, FPS, GOP_FRAMES);

        line("%n1. CPU per thumbnail, render step only (%d renders each, after 3 warm-up)", RENDERS);
        line("%-34s %10s %12s %10s %10s", "case", "wall ms", "child cpu ms", "jvm cpu ms", "total ms");
        renderCost("720p keyframe -> 640 px", clip720, OptionalInt.empty());
        renderCost("720p keyframe -> 640 + 160 px", clip720, OptionalInt.of(160));
        renderCost("1080p keyframe -> 640 px", clip1080, OptionalInt.empty());
        renderCost("1080p keyframe -> 640 + 160 px", clip1080, OptionalInt.of(160));

        String topic = "bench-gops-" + UUID.randomUUID().toString().substring(0, 8);
        HandWiredService.createTopics(topic, 6);
        TestGop first = TestGops.split(clip720, "bench").get(0);
        try (HandWiredService service = new HandWiredService(topic, "bench-" + topic, WORKER_THREADS,
                OptionalInt.empty());
             ClipGops.Sender sender = new ClipGops.Sender(SharedKafka.bootstrapServers())) {
            sendFirstGops(sender, topic, first, "warm-up", 2);
            Eventually.await("the warm-up pictures", () -> service.metrics.writtenCount() >= 2);

            line("%n2. Delay from GOP record sent to latest.jpg written, one 720p stream at a time (%d streams, "
                    + "1 s apart; %d worker threads, 640 px)", STEADY_STREAMS, WORKER_THREADS);
            Map<String, Long> steady = new HashMap<>();
            for (int i = 0; i < STEADY_STREAMS; i++) {
                double before = service.metrics.writtenCount();
                Map<String, Long> closed = sendFirstGops(sender, topic, first, "steady-" + i, 1);
                Eventually.await("steady picture " + i, () -> service.metrics.writtenCount() >= before + 1);
                steady.putAll(closed);
                Thread.sleep(1000);
            }
            line("delay ms: %s", summary(delays(steady)));

            line("%n3. Burst: %d 720p streams go live at the same moment (%d worker threads, 640 px)",
                    BURST_STREAMS, WORKER_THREADS);
            double before = service.metrics.writtenCount();
            long start = System.nanoTime();
            Map<String, Long> closed = sendFirstGops(sender, topic, first, "burst", BURST_STREAMS);
            Eventually.await("burst pictures", () -> service.metrics.writtenCount() >= before + BURST_STREAMS);
            double seconds = (System.nanoTime() - start) / 1e9;
            line("all %d first pictures in %.1f s: %.1f thumbnails/s", BURST_STREAMS, seconds, BURST_STREAMS / seconds);
            line("delay ms: %s", summary(delays(closed)));
        }
        skipPath(clip720);
        Path out = Path.of("target", "bench", "thumbnail-bench.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);
    }

    private void renderCost(String name, Path clip, OptionalInt small) {
        JpegRenderer renderer = new JpegRenderer(new RenderSettings(640, small, 3));
        List<byte[]> values = TestGops.split(clip, "bench").stream()
                .filter(r -> r.metadata().flags().isEmpty() || r.metadata().sequence() == 0)
                .map(TestGop::value).toList();
        for (int i = 0; i < 3; i++) {
            renderer.render(KeyframeCut.first(values.get(i % values.size())).orElseThrow());
        }
        long wall = System.nanoTime();
        long children = childrenCpuNanos();
        long jvm = processCpuNanos();
        for (int i = 0; i < RENDERS; i++) {
            Keyframe keyframe = KeyframeCut.first(values.get(i % values.size())).orElseThrow();
            assertInstanceOf(Rendering.Rendered.class, renderer.render(keyframe));
        }
        double n = RENDERS;
        double wallMs = (System.nanoTime() - wall) / 1e6 / n;
        double ffmpegMs = (childrenCpuNanos() - children) / 1e6 / n;
        double jvmMs = (processCpuNanos() - jvm) / 1e6 / n;
        line("%-34s %10.1f %12.1f %10.1f %10.1f", name, wallMs, ffmpegMs, jvmMs, ffmpegMs + jvmMs);
    }

    /** What a GOP record costs when its minute already has a picture: the fate of all but one GOP per minute. */
    private void skipPath(Path clip) throws Exception {
        List<TestGop> gops = TestGops.split(clip, UUID.randomUUID().toString());
        String channel = "skip-" + UUID.randomUUID().toString().substring(0, 6);
        try (EventPublisher events = new EventPublisher(SharedKafka.bootstrapServers(), Duration.ofSeconds(60))) {
            ThumbnailHandler handler = new ThumbnailHandler(new ThumbnailStore(HandWiredService.objectStore()),
                    new JpegRenderer(new RenderSettings(640, OptionalInt.empty(), 3)),
                    events, new ThumbnailMetrics(new SimpleMeterRegistry()), Duration.ofSeconds(60),
                    Clock.systemUTC());
            handler.handle(record(channel, gops.get(0), 0)); // minute 0: pictured
            int n = 20_000;
            long cpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            long wall = System.nanoTime();
            for (int i = 1; i <= n; i++) {
                // later GOPs of minute 0 (1 + i % 4 keeps them within the first 10 s)
                handler.handle(record(channel, gops.get(1 + i % 4), i));
            }
            line("%n4. A GOP record whose minute already has its picture: %.2f us CPU, %.2f us wall per record"
                    + " (headers only; the value is not read)",
                    (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu) / 1e3 / n,
                    (System.nanoTime() - wall) / 1e3 / n);
        }
    }

    private static ConsumerRecord<String, byte[]> record(String channel, TestGop gop, long offset) {
        return new ConsumerRecord<>("stream-gops", 0, offset, 0L, TimestampType.CREATE_TIME, channel.length(),
                gop.value().length, channel, gop.value(),
                new RecordHeaders(GopRecords.headers(GopHeaders.encode(gop.metadata()))), Optional.empty());
    }

    /**
     * Sends the first GOP of a new session on each of {@code count} channels, all stamped closed at the same instant
     * (the burst's start); returns channel -> closedAt.
     */
    private static Map<String, Long> sendFirstGops(ClipGops.Sender sender, String topic, TestGop first,
                                                   String prefix, int count) throws Exception {
        List<ClipGops.Keyed> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String channel = prefix + "-" + i + "-" + UUID.randomUUID().toString().substring(0, 6);
            GopMetadata m = first.metadata();
            records.add(new ClipGops.Keyed(channel, new TestGop(GopMetadata.of(UUID.randomUUID().toString(),
                    0, m.mediaStartMillis(), m.mediaDurationMillis(), 0, m.flags()), first.value())));
        }
        long closedAt = System.currentTimeMillis();
        List<Future<?>> acks = new ArrayList<>();
        for (ClipGops.Keyed k : records) {
            acks.add(sender.send(topic, k, closedAt));
        }
        for (Future<?> ack : acks) {
            ack.get(60, TimeUnit.SECONDS);
        }
        Map<String, Long> closed = new HashMap<>();
        records.forEach(r -> closed.put(r.channel(), closedAt));
        return closed;
    }

    /** publishedAt (latest.jpg written, event made) minus closedAt, per channel, from the events themselves. */
    private static List<Long> delays(Map<String, Long> closedAt) {
        List<ConsumerRecord<String, ThumbnailPublished>> events = PublishedEvents.of(closedAt.keySet(), closedAt.size());
        assertEquals(closedAt.size(), events.size(), "one event per stream");
        List<Long> delays = new ArrayList<>();
        for (ConsumerRecord<String, ThumbnailPublished> e : events) {
            delays.add(e.value().publishedAt().toEpochMilli() - closedAt.get(e.key()));
        }
        return delays;
    }

    private static String summary(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(Long::compare);
        return String.format(Locale.ROOT, "n %d, min %d, p50 %d, p95 %d, max %d", sorted.size(), sorted.get(0),
                sorted.get(sorted.size() / 2), sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1),
                sorted.get(sorted.size() - 1));
    }

    /** CPU time of the JVM's children that have exited and been waited for (proc(5), fields 16, 17). */
    private static long childrenCpuNanos() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[13]) + Long.parseLong(fields[14]); // cutime, cstime (fields 16, 17)
            return ticks * 10_000_000L; // USER_HZ is 100 on Linux x86-64 (getconf CLK_TCK)
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/self/stat", e);
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static String cpuModel() throws IOException {
        return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("unknown CPU");
    }

    private static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).strip();
    }

    private void line(String format, Object... args) {
        report.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
