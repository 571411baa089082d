package io.tributary.bench.archive;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.archive.ArchivePipeline;
import io.tributary.archive.ArchiveSettings;
import io.tributary.archive.encode.EncodeMode;
import io.tributary.archive.kafka.ArchiveReadyPublisher;
import io.tributary.archive.kafka.GopTopicPartitions;
import io.tributary.archive.store.ArchiveStore;
import io.tributary.ffmpeg.FfmpegRunner;
import io.tributary.kafka.GopRecords;
import io.tributary.kafka.KafkaClientDefaults;
import io.tributary.kafka.TopicCatalog;
import io.tributary.kafka.TopicProvisioner;
import io.tributary.media.event.Topics;
import io.tributary.media.flv.AudioTag;
import io.tributary.media.flv.FlvTag;
import io.tributary.media.flv.VideoTag;
import io.tributary.media.gop.ClosedGop;
import io.tributary.media.gop.GopContent;
import io.tributary.media.gop.GopFlag;
import io.tributary.media.gop.GopHeaders;
import io.tributary.media.gop.GopMetadata;
import io.tributary.media.gop.GopRecordWriter;
import io.tributary.storage.ObjectStorageException;
import io.tributary.storage.S3Settings;
import io.tributary.testsupport.ServerLogLevels;
import io.tributary.testsupport.kafka.KafkaBrokerMain;
import io.tributary.testsupport.s3.S3ServerMain;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.HashMap;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10's question for archive-service in copy mode: CPU seconds per stream-minute. N channels of 720p30 3 Mb/s
 * GOP records (2 s GOPs, the load bench's source clip) are published at real time into a Kafka broker and consumed by
 * the service's own pipeline ({@link ArchivePipeline#start}, copy mode) writing to an S3 server. The broker and the S3
 * server run as child JVMs ({@link KafkaBrokerMain}, {@link S3ServerMain}, as the local stack runs them), so this
 * JVM's CPU is the archive's plus the generator's; the generator's threads (this thread and its producer's network
 * thread) are measured and taken away. JIT and GC count for the archive, as they do in the service.
 *
 * <p>Run it with {@code -Djava.util.logging.manager=org.jboss.logmanager.LogManager} and
 * {@code -Djava.util.concurrent.ForkJoinPool.common.parallelism=4} in {@code argLine}, as the services run (see the
 * README). Options: {@code -Dbench.streams} (16), {@code -Dbench.warmup-seconds} (40), {@code -Dbench.hold-seconds} (60),
 * {@code -Dbench.clip} (default: the load bench's {@code bench/load/target/source-720p30-3M-60s.flv}, made by a
 * load-bench run). A profile: add {@code -DargLine=-XX:StartFlightRecording=filename=target/copy.jfr,settings=profile}.
 */
class CopyModeCpuBenchmark {
    private static final Duration START = Duration.ofSeconds(90);
    private static final long GOP_MILLIS = 2_000;
    /**
     * The threads that do the archive's work: its loop and workers, the object store's HTTP client and the common
     * pool the MinIO client runs on, its consumer's heartbeat and its producer. Not JIT, GC or the generator.
     */
    private static final Pattern ARCHIVE_THREADS = Pattern.compile(
            "archive-|OkHttp|Okio|ForkJoinPool\\.commonPool|Thread-|kafka-coordinator-heartbeat-thread \\| archive"
                    + "|kafka-producer-network-thread \\| archive");

    @TempDir
    Path work;

    @Test
    void measure() throws Exception {
        // the Kafka clients' DEBUG lines would be formatted for every request in this JVM (not in the service's,
        // whose level is INFO): CPU that is the bench's, not the archive's
        ServerLogLevels.quiet();
        int streams = Integer.getInteger("bench.streams", 16);
        int warmup = Integer.getInteger("bench.warmup-seconds", 40);
        int hold = Integer.getInteger("bench.hold-seconds", 60);
        Path clip = Path.of(System.getProperty("bench.clip", "../load/target/source-720p30-3M-60s.flv"));
        assertTrue(Files.isRegularFile(clip), clip + " is missing: run the load bench once (it makes the clip)");
        int gopCount = (warmup + hold) / 2 + 2;
        List<ClosedGop> source = ArchiveBenchmark.closedGops(clip);
        List<Rec> records = loop(source, gopCount);
        String load0 = loadAverage();

        try (Child kafka = Child.start(work, KafkaBrokerMain.class, "--port", "0", "--controller-port", "0",
                "--data-dir", work.resolve("kafka").toString());
             Child s3 = Child.start(work, S3ServerMain.class, "--port", "0", "--data-dir", work.resolve("s3").toString(),
                     "--access-key", "bench", "--secret-key", "bench-secret", "--bucket", "tributary")) {
            String bootstrap = kafka.ready("KAFKA READY ");
            String endpoint = s3.ready("S3 READY ");
            TopicProvisioner.ensure(bootstrap, TopicCatalog.specs(List.of(Topics.STREAM_GOPS, Topics.ARCHIVE_READY),
                    6, (short) 1), Duration.ofSeconds(60));
            ArchiveStore store = new ArchiveStore(new S3Settings(endpoint, "bench", "bench-secret", "tributary",
                    "us-east-1"));
            store.ensureBucket();
            ArchiveSettings settings = ArchiveSettings.defaults(work.resolve("archive")).withMode(EncodeMode.COPY);
            Map<String, Object> producerProps = new HashMap<>(KafkaClientDefaults.producer());
            producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            producerProps.put(ProducerConfig.CLIENT_ID_CONFIG, "bench-generator");
            try (ArchiveReadyPublisher publisher = new ArchiveReadyPublisher(bootstrap);
                 GopTopicPartitions partitions = new GopTopicPartitions(bootstrap, Topics.STREAM_GOPS);
                 KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerProps, new StringSerializer(),
                         new ByteArraySerializer());
                 ArchivePipeline pipeline = ArchivePipeline.start(settings, bootstrap, store, publisher, partitions,
                         FfmpegRunner.bundled())) {
                List<String> channels = new ArrayList<>();
                List<String> sessions = new ArrayList<>();
                for (int i = 0; i < streams; i++) {
                    channels.add("cpu-" + i);
                    sessions.add(UUID.randomUUID().toString());
                }
                long t0 = System.currentTimeMillis() + 1000;
                long windowStart = t0 + warmup * 1000L;
                long windowEnd = windowStart + hold * 1000L;
                Sample before = null;
                Sample after = null;
                // stream i closes its GOPs at t0 + i·2000/N + k·2000: closes spread over the GOP as real streams' are
                for (int k = 0; k < gopCount; k++) {
                    for (int i = 0; i < streams; i++) {
                        long due = t0 + i * GOP_MILLIS / streams + k * GOP_MILLIS;
                        if (before == null && due >= windowStart) {
                            sleepUntil(windowStart);
                            before = Sample.now(kafka, s3);
                        }
                        if (due >= windowEnd) {
                            break;
                        }
                        sleepUntil(due);
                        Rec r = records.get(k);
                        Set<GopFlag> flags = k == 0 ? EnumSet.of(GopFlag.FIRST) : EnumSet.noneOf(GopFlag.class);
                        GopMetadata meta = GopMetadata.of(sessions.get(i), k, r.startMillis(), r.durationMillis(),
                                System.currentTimeMillis(), flags);
                        producer.send(new ProducerRecord<>(Topics.STREAM_GOPS, null, channels.get(i), r.value(),
                                GopRecords.headers(GopHeaders.encode(meta))));
                    }
                    if (System.currentTimeMillis() >= windowEnd) {
                        break;
                    }
                }
                sleepUntil(windowEnd);
                after = Sample.now(kafka, s3);
                assertNotNull(before, "the window never started");
                report(streams, hold, warmup, before, after, load0, store, channels, sessions);
            }
        }
    }

    private void report(int streams, int hold, int warmup, Sample before, Sample after, String load0,
                        ArchiveStore store, List<String> channels, List<String> sessions)
            throws IOException, InterruptedException {
        double seconds = (after.wallNanos() - before.wallNanos()) / 1e9;
        double process = (after.processTicks() - before.processTicks()) / 100.0;
        double generator = (after.generatorNanos() - before.generatorNanos()) / 1e9;
        double archive = process - generator;
        double streamMinutes = streams * seconds / 60.0;
        long stored = 0;
        for (int i = 0; i < channels.size(); i++) {
            stored += listed(store, "archive-parts/" + channels.get(i) + "/" + sessions.get(i) + "/");
        }
        StringBuilder out = new StringBuilder();
        out.append("## Copy mode: CPU per stream-minute\n\n");
        out.append(String.format(Locale.ROOT, "Load average before: %s; after: %s; nproc %d%n%n", load0, loadAverage(),
                Runtime.getRuntime().availableProcessors()));
        double kafkaCpu = (after.kafkaTicks() - before.kafkaTicks()) / 100.0;
        double s3Cpu = (after.s3Ticks() - before.s3Ticks()) / 100.0;
        double threads = after.archiveThreadSecondsSince(before);
        out.append("| streams | warm-up s | window s | archive CPU s | generator CPU s | **archive CPU s / stream-min** "
                + "| of which its threads (no JIT, GC) | Kafka broker CPU s / stream-min | S3 server CPU s / stream-min "
                + "| parts listed at the end |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        out.append(String.format(Locale.ROOT, "| %d | %d | %.1f | %.1f | %.1f | **%.3f** | %.3f | %.3f | %.3f | %d |%n",
                streams, warmup, seconds, archive, generator, archive / streamMinutes, threads / streamMinutes,
                kafkaCpu / streamMinutes, s3Cpu / streamMinutes, stored));
        System.out.println(out);
        assertTrue(stored > 0, "the archive stored nothing: see the log above");
        String target = System.getProperty("bench.results");
        if (target != null) {
            Path file = Path.of(target).resolveSibling("copy-mode-cpu.md");
            Files.writeString(file, out.toString());
        }
    }

    /**
     * Keys under a prefix. S3Proxy's file-system backend answers a listing with 500 when it meets the temporary file
     * of an upload in progress (the archive is still storing): asked again a few times.
     */
    private static int listed(ArchiveStore store, String prefix) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return store.list(prefix).size();
            } catch (ObjectStorageException e) {
                if (attempt == 10) {
                    throw e;
                }
                Thread.sleep(300);
            }
        }
    }

    /** CPU of this process and of the generator's threads at one moment. */
    private record Sample(long wallNanos, long processTicks, long generatorNanos, Map<Long, Long> archiveThreads,
                          long kafkaTicks, long s3Ticks) {
        static Sample now(Child kafka, Child s3) throws IOException {
            long ticks = cpuTicks("self");
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long generator = threads.getCurrentThreadCpuTime();
            Map<Long, Long> archive = new HashMap<>();
            for (ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (t == null) {
                    continue;
                }
                long cpu = Math.max(0, threads.getThreadCpuTime(t.getThreadId()));
                if (t.getThreadName().contains("bench-generator")) {
                    generator += cpu;
                } else if (ARCHIVE_THREADS.matcher(t.getThreadName()).lookingAt()) {
                    archive.put(t.getThreadId(), cpu);
                }
            }
            return new Sample(System.nanoTime(), ticks, generator, archive,
                    cpuTicks(Long.toString(kafka.process().pid())), cpuTicks(Long.toString(s3.process().pid())));
        }

        /** CPU of the archive's own threads since {@code before} (threads started meanwhile count from zero). */
        double archiveThreadSecondsSince(Sample before) {
            long nanos = 0;
            for (Map.Entry<Long, Long> e : archiveThreads.entrySet()) {
                nanos += e.getValue() - before.archiveThreads().getOrDefault(e.getKey(), 0L);
            }
            return nanos / 1e9;
        }

        /** utime + stime of a process (fields 14 and 15 of /proc/PID/stat), in USER_HZ ticks (100 a second). */
        static long cpuTicks(String pid) throws IOException {
            String stat = Files.readString(Path.of("/proc", pid, "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        }
    }

    /** One GOP record of the looped clip. */
    private record Rec(long startMillis, long durationMillis, byte[] value) {
    }

    /** {@code count} records: the clip's GOPs again and again, timestamps moved on by the clip's length each time. */
    private static List<Rec> loop(List<ClosedGop> gops, int count) {
        List<ClosedGop> full = gops.subList(0, gops.size() - 1); // the clip's last GOP is cut short
        long clipMillis = full.get(full.size() - 1).startMillis() + full.get(full.size() - 1).durationMillis()
                - full.get(0).startMillis();
        List<Rec> out = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            ClosedGop g = full.get(k % full.size());
            long shift = (k / full.size()) * clipMillis;
            GopContent c = g.content();
            List<FlvTag> tags = new ArrayList<>();
            for (FlvTag t : c.tags()) {
                tags.add(t instanceof VideoTag v ? new VideoTag(v.timestamp() + shift, v.body())
                        : t instanceof AudioTag a ? new AudioTag(a.timestamp() + shift, a.body()) : t);
            }
            GopContent moved = new GopContent(c.onMetaData(), c.videoSequenceHeader(), c.audioSequenceHeader(), tags);
            out.add(new Rec(g.startMillis() + shift, g.durationMillis(), GopRecordWriter.write(moved)));
        }
        return out;
    }

    private static void sleepUntil(long epochMillis) throws InterruptedException {
        long wait = epochMillis - System.currentTimeMillis();
        if (wait > 0) {
            Thread.sleep(wait);
        }
    }

    private static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).trim();
    }

    /** A test-support main in its own JVM; its output goes to a log file beside it. */
    private record Child(Process process, BufferedReader stdout) implements AutoCloseable {
        static Child start(Path work, Class<?> main, String... args) throws IOException {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m", "-cp", System.getProperty("java.class.path"), main.getName()));
            command.addAll(List.of(args));
            Process p = new ProcessBuilder(command)
                    .redirectError(work.resolve(main.getSimpleName() + ".err").toFile()).start();
            return new Child(p, new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)));
        }

        /** Waits for the READY line and returns what follows the prefix (the address). */
        String ready(String prefix) throws IOException {
            long deadline = System.currentTimeMillis() + START.toMillis();
            String line;
            while ((line = stdout.readLine()) != null && System.currentTimeMillis() < deadline) {
                if (line.startsWith(prefix)) {
                    return line.substring(prefix.length()).trim();
                }
            }
            throw new IllegalStateException("no '" + prefix + "' line from " + process.info().command().orElse("?"));
        }

        @Override
        public void close() throws Exception {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
