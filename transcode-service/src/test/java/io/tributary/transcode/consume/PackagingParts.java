package io.tributary.transcode.consume;

import io.tributary.transcode.store.SegmentRetention;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What a packaging test wires by hand around the class it tests: a bucket in memory, the packaging pool as a queue of
 * lane drains the test runs when it says, a timer, and retention that deletes nothing.
 */
final class PackagingParts implements AutoCloseable {
    final MemoryObjects objects = new MemoryObjects();
    final Queue<Runnable> lanes = new ConcurrentLinkedQueue<>();
    final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    final SegmentRetention retention = TakenOverChannel.retention();

    /** Where the packagers' work goes, saving state as {@code saving} says. */
    PackagerOutputs outputs(StateSaving saving) {
        return TakenOverChannel.outputs(objects, retention, lanes::add, timer, saving);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        retention.close();
        objects.close();
    }
}
