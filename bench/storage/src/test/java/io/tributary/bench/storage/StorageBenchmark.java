package io.tributary.bench.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.storage.ObjectStore;
import io.tributary.storage.S3Settings;
import io.tributary.storage.StoredObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * CPU of object storage per GOP: N simulated 720p30 streams each PUT their per-GOP object mix ({@link GopObjects})
 * every GOP through {@link ObjectStore} (the class every worker uses) into the project's S3 server, started as the
 * local stack starts it ({@link S3ServerChild}). Reports the CPU seconds of this JVM (the client side: ObjectStore, the
 * MinIO SDK, OkHttp) and of the server process per GOP and per stream-minute, and PUT latency.
 *
 * <p>Stream s starts GOP k at {@code phase(s) + k × gop}; its six PUTs go to an upload pool at once (the packager
 * uploads segments and playlists from a pool too). The first {@code bench.warmup} seconds are left out: the JIT of both
 * JVMs is still compiling the hot paths then. Latency: of each PUT, large and small apart, and of each GOP's whole set
 * (handed to the pool → last answer). Settings: {@code -Dbench.streams=16,48}, {@code -Dbench.seconds=30},
 * {@code -Dbench.warmup=20}, {@code -Dbench.uploadThreads=16}, {@code -Dbench.signPayload=true} ({@code tributary.s3.sign-payload}: the
 * SDK's own signed PUTs), {@code -Dbench.serverJvm="-XX:..."} (options of the
 * server JVM), {@code -Dbench.label=...} (names the run in the table). Results: stdout and {@code target/results.md}.
 */
class StorageBenchmark {
    private static final String ACCESS_KEY = "minioadmin";
    private static final String SECRET_KEY = "minioadmin";
    private static final String BUCKET = "tributary";
    private static final double GOP_SECONDS = 2.0;

    private final int seconds = Integer.getInteger("bench.seconds", 30);
    private final int warmup = Integer.getInteger("bench.warmup", 20);
    private final int uploadThreads = Integer.getInteger("bench.uploadThreads", 16);
    private final boolean signPayload = Boolean.getBoolean("bench.signPayload");
    private final String label = System.getProperty("bench.label", signPayload ? "signed payload" : "unsigned payload");
    private final List<String> serverJvm = words(System.getProperty("bench.serverJvm", ""));

    @Test
    void measuresStorageCpuPerGop() throws Exception {
        Path data = Files.createTempDirectory("bench-storage-");
        List<String> rows = new ArrayList<>();
        try (S3ServerChild server = S3ServerChild.start(data, ACCESS_KEY, SECRET_KEY, BUCKET, serverJvm, List.of())) {
            ObjectStore store = new ObjectStore(new S3Settings(server.endpoint(), ACCESS_KEY, SECRET_KEY, BUCKET,
                    "us-east-1", S3Settings.DEFAULT_MAX_CONNECTIONS, signPayload));
            store.ensureBucket();
            for (String n : System.getProperty("bench.streams", "16,48").split(",")) {
                rows.add(run(Integer.parseInt(n.trim()), store, server));
            }
        } finally {
            deleteTree(data);
        }
        report(rows);
    }

    private String run(int streams, ObjectStore store, S3ServerChild server) throws Exception {
        GopObjects objects = new GopObjects(streams);
        ExecutorService uploads = Executors.newFixedThreadPool(uploadThreads);
        ScheduledExecutorService clock = Executors.newScheduledThreadPool(1);
        PutLatencies latencies = new PutLatencies();
        AtomicLong gopsStarted = new AtomicLong();
        long start = System.nanoTime();
        long measureFrom = start + TimeUnit.SECONDS.toNanos(warmup);
        long gopNanos = (long) (GOP_SECONDS * 1e9);
        for (int s = 0; s < streams; s++) {
            int stream = s;
            long phase = gopNanos * s / streams;
            AtomicLong gop = new AtomicLong();
            clock.scheduleAtFixedRate(() -> {
                long k = gop.getAndIncrement();
                boolean measured = System.nanoTime() >= measureFrom;
                if (measured) {
                    gopsStarted.incrementAndGet();
                }
                List<StoredObject> gopObjects = objects.of(stream, k);
                long handedOver = System.nanoTime();
                AtomicInteger left = new AtomicInteger(gopObjects.size());
                for (StoredObject object : gopObjects) {
                    uploads.execute(() -> {
                        put(store, object, measured ? latencies : null);
                        if (left.decrementAndGet() == 0 && measured) {
                            latencies.recordGop(System.nanoTime() - handedOver);
                        }
                    });
                }
            }, phase, gopNanos, TimeUnit.NANOSECONDS);
        }
        sleepUntil(measureFrom);
        String loadBefore = loadAverage();
        long self = ProcessHandle.current().pid();
        ProcessCpu clientBefore = ProcessCpu.of(self);
        ProcessCpu serverBefore = server.cpu();
        sleepUntil(measureFrom + TimeUnit.SECONDS.toNanos(seconds));
        ProcessCpu client = ProcessCpu.of(self).minus(clientBefore);
        ProcessCpu serverCpu = server.cpu().minus(serverBefore);
        long gops = gopsStarted.get();
        clock.shutdownNow();
        uploads.shutdown();
        assertTrue(uploads.awaitTermination(2, TimeUnit.MINUTES), "uploads did not finish");
        String loadAfter = loadAverage();

        assertEquals(0, latencies.failures(), "failed PUTs");
        assertTrue(gops > 0 && serverCpu.total() > 0, "nothing measured");
        String row = String.format(Locale.ROOT,
                "| %s | %s | %d | %d | %d | %s | %s | %.3f | %.3f | %.3f (%.3f) "
                        + "| %.1f / %.1f / %.1f | %.1f / %.1f / %.1f | %.1f / %.1f | %.0f | %.2f | %s → %s |",
                LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")), label, streams, gops,
                latencies.count(), perGop(client, gops), perGop(serverCpu, gops),
                perStreamMinute(client.total(), gops), perStreamMinute(serverCpu.total(), gops),
                perStreamMinute(client.total() + serverCpu.total(), gops),
                perStreamMinute(client.code() + serverCpu.code(), gops),
                latencies.largeMillis(50), latencies.largeMillis(90), latencies.largeMillis(99),
                latencies.smallMillis(50), latencies.smallMillis(90), latencies.smallMillis(99),
                latencies.gopMillis(50), latencies.gopMillis(90), server.rssMegabytes(),
                (client.total() + serverCpu.total()) / seconds, loadBefore, loadAfter);
        System.out.println(row);
        return row;
    }

    /** "total (code / JIT / GC)" in ms per GOP. */
    private static String perGop(ProcessCpu cpu, long gops) {
        return String.format(Locale.ROOT, "%.1f (%.1f / %.1f / %.1f)", cpu.total() * 1000 / gops,
                cpu.code() * 1000 / gops, cpu.jit() * 1000 / gops, cpu.gc() * 1000 / gops);
    }

    private static double perStreamMinute(double cpuSeconds, long gops) {
        return cpuSeconds / gops * 60.0 / GOP_SECONDS;
    }

    private static void put(ObjectStore store, StoredObject object, PutLatencies latencies) {
        long t0 = System.nanoTime();
        try {
            store.put(object);
        } catch (RuntimeException e) {
            if (latencies != null) {
                latencies.failed();
            }
            System.err.println("PUT " + object.key() + " failed: " + e.getMessage());
            return;
        }
        if (latencies != null) {
            latencies.record(object.bytes().length, System.nanoTime() - t0);
        }
    }

    private void report(List<String> rows) throws IOException {
        String header = """
                | date | label | streams | GOPs measured | PUTs | client CPU ms/GOP (code / JIT / GC) \
                | server CPU ms/GOP (code / JIT / GC) | client CPU s/stream-min | server CPU s/stream-min \
                | total CPU s/stream-min (without JIT and GC) | large PUT p50 / p90 / p99 ms \
                | small PUT p50 / p90 / p99 ms | GOP's PUTs p50 / p90 ms | server RSS MB | cores used | load avg |
                | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
                """;
        String table = header + String.join("\n", rows) + "\n";
        System.out.println("\n" + table);
        String results = System.getProperty("bench.results");
        if (results != null) {
            Path file = Path.of(results);
            Files.createDirectories(file.getParent());
            Files.writeString(file, table, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    private static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
    }

    private static List<String> words(String s) {
        return s.isBlank() ? List.of() : Arrays.asList(s.trim().split("\\s+"));
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
