package io.tributary.bench.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.bench.ingest.ReadPath.Reads;
import io.tributary.bench.ingest.ReadPath.Result;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Allocated bytes per media byte and CPU time per media second of the ingest's read path (issue 10: ingest +
 * packaging under 0.33 CPU s per stream-minute, under 5 MB per stream): replays a publish through
 * {@link ReadPath} many times in this one thread after a warm-up, and reads the thread's own counters
 * ({@code com.sun.management.ThreadMXBean#getThreadAllocatedBytes}, {@code getThreadCpuTime}), which other
 * processes on a busy machine do not disturb the way they disturb wall time.
 *
 * <p>Options (system properties): {@code bench.mediaSeconds} of media measured per capture and read mode (default
 * 1200), {@code bench.warmupMediaSeconds} replayed before (default 2400), {@code bench.readBytes} per socket read
 * (default 8192), {@code bench.clipSeconds} of the 720p clip (default 20).
 */
class IngestBenchmark {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private record Row(String capture, Reads reads, int replays, Result total, long allocated, long cpuNanos) {
        double allocatedPerMediaByte() {
            return (double) allocated / total.mediaBytes();
        }

        double cpuNanosPerMediaSecond() {
            return cpuNanos * 1000.0 / total.mediaMillis();
        }
    }

    @Test
    void measuresAllocationAndCpuPerMediaByteOfTheReadPath() throws IOException {
        long mediaSeconds = Long.getLong("bench.mediaSeconds", 1200);
        long warmupSeconds = Long.getLong("bench.warmupMediaSeconds", 2400);
        int readBytes = Integer.getInteger("bench.readBytes", 8192);
        Path clipDir = Path.of(System.getProperty("bench.clipDir", "target"));
        Path vectors = Path.of(System.getProperty("bench.vectors",
                "../../ingest-service/src/test/resources/vectors/rtmp"));
        List<PublishCapture> captures = List.of(
                PublishCapture.clip720p30(clipDir, Integer.getInteger("bench.clipSeconds", 20)),
                PublishCapture.recorded(vectors, "ffmpeg51-h264-aac"));
        THREADS.setThreadAllocatedMemoryEnabled(true);
        THREADS.setThreadCpuTimeEnabled(true);
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        Instant started = Instant.now();

        List<Row> rows = new ArrayList<>();
        for (PublishCapture capture : captures) {
            Result once = ReadPath.replay(capture, readBytes, Reads.VIEW);
            assertTrue(once.mediaBytes() > 0 && once.records() > 0, capture.name() + " yields media and records");
            assertTrue(once.recordBytes() > once.mediaBytes(), "records carry every media byte plus FLV framing");
            assertEquals(once, ReadPath.replay(capture, readBytes, Reads.COPY), "both read modes yield the same");
            int warmups = replays(warmupSeconds, once);
            int replays = replays(mediaSeconds, once);
            for (int i = 0; i < warmups; i++) {
                ReadPath.replay(capture, readBytes, i % 2 == 0 ? Reads.VIEW : Reads.COPY);
            }
            for (Reads reads : Reads.values()) {
                rows.add(measure(capture, readBytes, reads, replays));
            }
        }

        double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        String report = report(rows, started, loadBefore, loadAfter, readBytes);
        System.out.println(report);
        Files.writeString(Path.of(System.getProperty("bench.results", "target/results.md")), report);
        for (Row row : rows) {
            assertTrue(row.allocated() > 0 && row.cpuNanos() > 0, "the thread counters work: " + row);
        }
    }

    private static int replays(long mediaSeconds, Result once) {
        return (int) Math.max(1, (mediaSeconds * 1000 + once.mediaMillis() - 1) / once.mediaMillis());
    }

    private static Row measure(PublishCapture capture, int readBytes, Reads reads, int replays) {
        long thread = Thread.currentThread().getId();
        long media = 0;
        long millis = 0;
        long records = 0;
        long recordBytes = 0;
        long allocatedBefore = THREADS.getThreadAllocatedBytes(thread);
        long cpuBefore = THREADS.getThreadCpuTime(thread);
        for (int i = 0; i < replays; i++) {
            Result r = ReadPath.replay(capture, readBytes, reads);
            media += r.mediaBytes();
            millis += r.mediaMillis();
            records += r.records();
            recordBytes += r.recordBytes();
        }
        long cpu = THREADS.getThreadCpuTime(thread) - cpuBefore;
        long allocated = THREADS.getThreadAllocatedBytes(thread) - allocatedBefore;
        return new Row(capture.name(), reads, replays, new Result(media, millis, records, recordBytes), allocated, cpu);
    }

    private static String report(List<Row> rows, Instant started, double loadBefore, double loadAfter,
                                 int readBytes) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "## ingest read path, %s, load average %.2f -> %.2f, nproc %d, %s, "
                        + "reads of %d bytes%n%n", started.truncatedTo(ChronoUnit.SECONDS), loadBefore, loadAfter,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"), readBytes));
        s.append("| capture | socket reads | media s measured | allocated bytes / media byte | CPU ns / media s "
                + "| CPU s / stream-min | record bytes / media byte | records |\n");
        s.append("| --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (Row row : rows) {
            s.append(String.format(Locale.ROOT, "| %s | %s | %d | %.2f | %,.0f | %.4f | %.4f | %d |%n",
                    row.capture(), row.reads().name().toLowerCase(Locale.ROOT), row.total().mediaMillis() / 1000,
                    row.allocatedPerMediaByte(), row.cpuNanosPerMediaSecond(),
                    row.cpuNanosPerMediaSecond() * 60 / 1e9,
                    (double) row.total().recordBytes() / row.total().mediaBytes(), row.total().records()));
        }
        return s.toString();
    }
}
