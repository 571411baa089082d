package io.tributary.bench.transcode;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tributary.kafka.KafkaClientDefaults;
import io.tributary.kafka.TopicCatalog;
import io.tributary.kafka.TopicProvisioner;
import io.tributary.kafka.TopicSpec;
import io.tributary.media.event.SegmentPublished;
import io.tributary.media.event.Topics;
import io.tributary.media.gop.GopFlag;
import io.tributary.media.gop.GopHeaders;
import io.tributary.media.gop.GopMetadata;
import io.tributary.storage.ObjectStore;
import io.tributary.storage.S3Settings;
import io.tributary.testsupport.kafka.SharedKafka;
import io.tributary.testsupport.s3.EmbeddedS3;
import io.tributary.testsupport.s3.SharedS3;
import io.tributary.transcode.consume.StateSaving;
import io.tributary.transcode.consume.TranscodeWorker;
import io.tributary.transcode.consume.WorkerSettings;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * Latency from a GOP's close at ingest to the manifests naming its segments stored, with N concurrent 720p30 channels
 * publishing GOP records at real time into Kafka, packaged by one {@link TranscodeWorker} (the service's pipeline, as
 * {@code GopConsumer} runs it) into the embedded S3 server. Broker, S3 server, publishers and worker share this JVM and
 * the machine's cores, as on the local stack.
 *
 * <p>Each channel sends record k at {@code phase + k * gop} (phases spread over one GOP, as independent publishers
 * are), stamped {@code closedAt = now}; the service measures to its manifest update and says so in segment-published.
 * The first {@code bench.warmup} seconds are left out. Settings: {@code -Dbench.channels=10,25,50},
 * {@code -Dbench.seconds=60}, {@code -Dbench.gop=2}, {@code -Dbench.partitions=12}, {@code -Dbench.workers=12},
 * {@code -Dbench.late=0} (channels more, started after the warm-up: their first segments are reported apart).
 * Results: stdout and {@code target/results.md}.
 */
class TranscodeBenchmark {
    private static final String LATE = "late-";
    private final int seconds = Integer.getInteger("bench.seconds", 60);
    private final int warmupSeconds = Integer.getInteger("bench.warmup", 10);
    private final int gopSeconds = Integer.getInteger("bench.gop", 2);
    private final int partitions = Integer.getInteger("bench.partitions", 12);
    private final int workers = Integer.getInteger("bench.workers", 12);
    /** Channels more, started after the warm-up: a stream starting on a warm worker, beside the running ones. */
    private final int late = Integer.getInteger("bench.late", 0);
    private final StringBuilder report = new StringBuilder();
    private final StringBuilder overTime = new StringBuilder();
    private final StringBuilder firstSegments = new StringBuilder("First segment of each channel (sequence 0) against "
            + "its next ones within the warm-up, GOP close → playlist, source rendition:\n\n"
            + "| channels | first p50 / max ms (n) | next (seq 1 to warm-up) p50 / max ms | late channels' first p50 / "
            + "max ms (n) | late channels' next p50 / max ms | load avg |\n"
            + "| --- | --- | --- | --- | --- | --- |\n");

    @Test
    void latencyFromGopCloseToManifestUpdate() throws Exception {
        Path dir = Path.of(System.getProperty("bench.results", "target/results.md")).getParent();
        LiveClip clip = LiveClip.make(dir, gopSeconds);
        String bootstrap = SharedKafka.bootstrapServers();
        EmbeddedS3 s3 = SharedS3.instance();
        ObjectStore store = new ObjectStore(new S3Settings(s3.endpoint(), s3.accessKey(), s3.secretKey(),
                SharedS3.BUCKET, EmbeddedS3.REGION));
        TopicProvisioner.ensure(bootstrap, TopicCatalog.specs(List.of(Topics.SEGMENT_PUBLISHED), 6, (short) 1),
                Duration.ofSeconds(60));
        header(clip);
        for (String n : System.getProperty("bench.channels", "10,25,50").split(",")) {
            run(Integer.parseInt(n.trim()), clip, bootstrap, store);
        }
        report.append("\n").append(firstSegments).append("\n").append(overTime);
        System.out.println(report);
        Files.writeString(Path.of(System.getProperty("bench.results", "target/results.md")), report.toString());
    }

    private void run(int channels, LiveClip clip, String bootstrap, ObjectStore store) throws Exception {
        String id = UUID.randomUUID().toString().substring(0, 6);
        String topic = "bench-gops-" + channels + "-" + id;
        TopicProvisioner.ensure(bootstrap, List.of(new TopicSpec(topic, partitions, (short) 1,
                TopicCatalog.spec(Topics.STREAM_GOPS, partitions, (short) 1).configs())), Duration.ofSeconds(60));
        int records = seconds / gopSeconds;
        List<LiveClip.Record> values = new ArrayList<>(records);
        for (int k = 0; k < records; k++) {
            values.add(clip.record(k));
        }
        String prefix = "bench-" + id + "-";
        WorkerSettings settings = new WorkerSettings(bootstrap, topic, "bench-" + id, workers, 8,
                WorkerSettings.DEFAULT_MAX_IN_FLIGHT, WorkerSettings.DEFAULT_MAX_QUEUED_BYTES, 6, Duration.ofSeconds(30),
                Duration.ofSeconds(1), 16, Duration.ofSeconds(30), StateSaving.DEFAULT);
        MeterRegistry registry = new SimpleMeterRegistry();
        double[] load = new double[2];
        Map<Long, Long> workerCpuBefore = workerThreadCpu();
        long cpuBefore = processCpuNanos();
        long wallBefore = System.nanoTime();
        try (LatencyCollector collector = new LatencyCollector(bootstrap, prefix);
             TranscodeWorker worker = new TranscodeWorker(settings, store, registry, Clock.systemUTC());
             KafkaProducer<String, byte[]> producer = producer(bootstrap)) {
            Thread.sleep(3000); // the worker joins its group
            load[0] = loadAverage();
            ScheduledExecutorService publishers = Executors.newScheduledThreadPool(4);
            AtomicLong sendFailures = new AtomicLong();
            long gopMillis = gopSeconds * 1000L;
            for (int c = 0; c < channels + late; c++) {
                String channel = c < channels ? prefix + c : prefix + LATE + (c - channels);
                long phase = c < channels ? c * gopMillis / channels
                        : warmupSeconds * 1000L + (c - channels) * gopMillis / late;
                String session = UUID.randomUUID().toString();
                int[] next = {0};
                publishers.scheduleAtFixedRate(() -> {
                    int k = next[0]++;
                    if (k >= records) {
                        return;
                    }
                    LiveClip.Record r = values.get(k);
                    EnumSet<GopFlag> flags = EnumSet.noneOf(GopFlag.class);
                    if (k == 0) {
                        flags.add(GopFlag.FIRST);
                    }
                    if (k == records - 1) {
                        flags.add(GopFlag.LAST);
                    }
                    GopMetadata m = GopMetadata.of(session, k, r.startMillis(), r.durationMillis(),
                            System.currentTimeMillis(), flags);
                    ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, channel, r.value());
                    GopHeaders.encode(m).forEach((name, v) -> record.headers().add(new RecordHeader(name, v)));
                    producer.send(record, (meta, e) -> {
                        if (e != null) {
                            sendFailures.incrementAndGet();
                        }
                    });
                }, phase, gopMillis, TimeUnit.MILLISECONDS);
            }
            long expected = (long) (channels + late) * records * 2;
            long deadline = System.nanoTime() + Duration.ofSeconds(seconds * 3L + 120).toNanos();
            while (collector.count() < expected && System.nanoTime() < deadline) {
                Thread.sleep(500);
            }
            load[1] = loadAverage();
            publishers.shutdownNow();
            double cpu = (processCpuNanos() - cpuBefore) / (double) (System.nanoTime() - wallBefore);
            long workerCpu = 0;
            for (Map.Entry<Long, Long> t : workerThreadCpu().entrySet()) {
                workerCpu += t.getValue() - workerCpuBefore.getOrDefault(t.getKey(), 0L);
            }
            double workerCpuPerGop = workerCpu / 1e6 / Math.max(1, (long) (channels + late) * records);
            summarize(channels, records, collector.events(), expected, sendFailures.get(), cpu, workerCpuPerGop, load,
                    registry);
        }
    }

    private void summarize(int channels, int records, List<SegmentPublished> events, long expected, long sendFailures,
                           double cpu, double workerCpuPerGop, double[] load, MeterRegistry registry) {
        long warmupRecords = warmupSeconds / gopSeconds;
        List<Long> latencies = sourceLatencies(events, warmupRecords, Long.MAX_VALUE);
        double pickup = registry.get("tributary.transcode.gop.to.pickup").timer().mean(TimeUnit.MILLISECONDS);
        Timer record = registry.get("tributary.transcode.record").timer();
        double handle = record.mean(TimeUnit.MILLISECONDS);
        double handleMax = record.max(TimeUnit.MILLISECONDS);
        report.append(String.format(Locale.ROOT, "| %d | %d | %d / %d | %d | %d | %d | %d | %d | %.0f | %.0f / %.0f "
                        + "| %.1f | %.2f | %.1f → %.1f |%n",
                channels, latencies.size(), events.size(), expected, pct(latencies, 50), pct(latencies, 90),
                pct(latencies, 99), max(latencies), sendFailures,
                pickup, handle, handleMax, workerCpuPerGop, cpu, load[0], load[1]));
        // a channel's first segment (its state loaded, its init segments and multivariant playlist stored) against
        // its next segments, both in the warm-up that the figures above leave out: the same start-up conditions
        List<SegmentPublished> early = events.stream().filter(e -> !e.channel().contains(LATE)).toList();
        List<SegmentPublished> lateOnes = events.stream().filter(e -> e.channel().contains(LATE)).toList();
        List<Long> first = sourceLatencies(early, 0, 1);
        List<Long> next = sourceLatencies(early, 1, Math.max(2, warmupRecords));
        List<Long> lateFirst = sourceLatencies(lateOnes, 0, 1);
        List<Long> lateNext = sourceLatencies(lateOnes, 1, Math.max(2, warmupRecords));
        firstSegments.append(String.format(Locale.ROOT, "| %d + %d late | %d / %d (%d) | %d / %d | %d / %d (%d) "
                        + "| %d / %d | %.1f → %.1f |%n", channels, late, pct(first, 50), max(first), first.size(),
                pct(next, 50), max(next), pct(lateFirst, 50), max(lateFirst), lateFirst.size(), pct(lateNext, 50),
                max(lateNext), load[0], load[1]));
        // over time: a tail that comes and goes is the shared machine; one that grows is the worker falling behind
        StringBuilder slices = new StringBuilder("  - p50 / p99 ms per 20 s of media:");
        long perSlice = 20 / gopSeconds;
        for (long from = warmupRecords; from < records; from += perSlice) {
            long lo = from;
            List<Long> slice = sourceLatencies(events, lo, lo + perSlice);
            slices.append(String.format(Locale.ROOT, " %d / %d;", pct(slice, 50), pct(slice, 99)));
        }
        overTime.append("- ").append(channels).append(" channels\n").append(slices).append('\n');
        System.out.println(report);
        System.out.println(firstSegments);
        assertTrue(events.size() >= expected * 0.9, "most segments published: " + events.size() + " of " + expected);
    }

    private void header(LiveClip clip) throws IOException {
        report.append("## Run\n\n");
        report.append(String.format(Locale.ROOT, "- machine: %d cores (`nproc`), %s, load average at start %.1f%n",
                Runtime.getRuntime().availableProcessors(), cpuModel(), loadAverage()));
        report.append(String.format(Locale.ROOT, "- stream: 720p30 H.264 3 Mb/s CBR + AAC 128k, %d s GOPs, %d kB/s "
                        + "of GOP records per channel; %d s per run, first %d s left out%n", gopSeconds,
                clip.bytesPerSecond() / 1000, seconds, warmupSeconds));
        report.append(String.format(Locale.ROOT, "- worker: %d consumer threads, %d partitions, 16 upload threads, "
                + "window 6; Kafka broker, S3 server (S3Proxy, filesystem) and publishers in the same JVM%n%n",
                workers, partitions));
        report.append("| channels | GOPs measured | events / expected | p50 ms | p90 ms | p99 ms | max ms | send "
                + "failures | close→pickup mean ms | handle mean / max ms | worker CPU ms per GOP | JVM CPU (cores) "
                + "| load avg |\n");
        report.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
    }

    private static KafkaProducer<String, byte[]> producer(String bootstrap) {
        Map<String, Object> p = new HashMap<>(KafkaClientDefaults.producer());
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    /** Latencies of the source segments with {@code from <= sequence < to}, sorted. */
    private static List<Long> sourceLatencies(List<SegmentPublished> events, long from, long to) {
        return events.stream().filter(e -> e.rendition().equals("source"))
                .filter(e -> e.sequence() >= from && e.sequence() < to)
                .map(SegmentPublished::latencyMillis).sorted().toList();
    }

    private static long max(List<Long> sorted) {
        return sorted.isEmpty() ? -1 : sorted.get(sorted.size() - 1);
    }

    private static long pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return -1;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

    /**
     * CPU time of the worker's own threads (consumer loop and packagers {@code transcode-*}, uploads with the MinIO
     * client {@code transcode-upload-*}, its event producer), by thread id: what the service costs per GOP, apart
     * from the broker, the S3 server and the publishers sharing this JVM.
     */
    private static Map<Long, Long> workerThreadCpu() {
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<Long, Long> cpu = new HashMap<>();
        for (java.lang.management.ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (t != null && (t.getThreadName().startsWith("transcode-")
                    || t.getThreadName().contains("transcode-service-events"))) {
                long nanos = threads.getThreadCpuTime(t.getThreadId());
                if (nanos >= 0) {
                    cpu.put(t.getThreadId(), nanos);
                }
            }
        }
        return cpu;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static String cpuModel() throws IOException {
        return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown CPU");
    }
}
