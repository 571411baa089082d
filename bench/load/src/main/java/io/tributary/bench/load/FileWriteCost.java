package io.tributary.bench.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * What this machine's kernel spends to write a file, in CPU milliseconds per MB: into pages the machine is not
 * using ({@code freshMillisPerMb}), and over the same pages while they are still cached ({@code cachedMillisPerMb}).
 *
 * <p>Why it is measured: on the development VM (Firecracker, free page reporting through virtio-balloon) memory a
 * guest frees goes back to the host within seconds, and the next first touch of such a page costs the host's fault
 * and zeroing, charged to whatever instruction touched it — for a file write, the kernel's copy into the page cache.
 * {@code dd} of 1 GB: 2.8–4.7 s of system CPU into pages the guest had not used recently, 0.32–0.50 s into pages
 * freed a moment before, 0.13 s over cached ones (session 12). Kafka's log, the S3 server's objects and the
 * archive's local files are all such writes, so on that VM their CPU depends on the host's memory, not on the code;
 * the report gives every role's file writes beside its CPU, and this calibration to read them with.
 *
 * <p>"Fresh" pages are what the machine hands out at that moment: right after a large delete they are the pages just
 * freed (cheap, not yet given back). So a run measures before its stack starts and again after its end phase (never
 * while it measures: the calibration's own writes and delete would change what the stack's writes cost), and the
 * report reads the stack's writes against the range of both.
 *
 * @param megabytes how much each pass wrote, in MB of 10^6 bytes (as the report counts the stack's writes)
 * @param when      when it was measured, as the report says it
 */
record FileWriteCost(double freshMillisPerMb, double cachedMillisPerMb, double megabytes, String when) {

    private static final int CHUNK = 1 << 20;

    /** Writes {@code mebibytes} MiB to a new file in {@code dir}, then again over it; deletes it. */
    static FileWriteCost measure(Path dir, int mebibytes, String when) throws IOException {
        Path file = Files.createTempFile(dir, "file-write-cost", ".bin");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ByteBuffer chunk = ByteBuffer.allocateDirect(CHUNK);
            while (chunk.hasRemaining()) {
                chunk.put((byte) (chunk.position() * 31 + 7)); // not zeros: nothing may treat the pages as holes
            }
            long fresh = cpuNanosToWrite(channel, chunk, mebibytes);
            long cached = cpuNanosToWrite(channel, chunk, mebibytes);
            double megabytes = (double) mebibytes * CHUNK / 1e6;
            return new FileWriteCost(fresh / 1e6 / megabytes, cached / 1e6 / megabytes, megabytes, when);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** This thread's CPU time (user and system: the kernel's copy is system time) to write from offset 0. */
    private static long cpuNanosToWrite(FileChannel channel, ByteBuffer chunk, int mebibytes) throws IOException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        long position = 0;
        for (int i = 0; i < mebibytes; i++) {
            chunk.clear();
            while (chunk.hasRemaining()) {
                position += channel.write(chunk, position);
            }
        }
        return threads.getCurrentThreadCpuTime() - start;
    }
}
