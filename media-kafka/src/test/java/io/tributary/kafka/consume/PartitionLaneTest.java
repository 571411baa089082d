package io.tributary.kafka.consume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** When a partition's lane tells its handler the partition is full; {@code AsyncRecordLoopIT} runs the whole loop. */
class PartitionLaneTest {
    private static final TopicPartition PARTITION = new TopicPartition("gops", 0);

    private final ExecutorService pool = Executors.newSingleThreadExecutor();
    private final List<TopicPartition> full = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void aPartitionAtItsBoundIsFull() throws Exception {
        PartitionLane lane = new PartitionLane(PARTITION, handler(record -> { }), pool, 1, () -> { });

        lane.offer(record(0));

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (full.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        assertEquals(List.of(PARTITION), full);
        lane.stop();
    }

    /** Stopped while the handler has the record: the lane sees it when it checks the bound, after the handle call. */
    @Test
    void aPartitionStoppedDuringTheHandleThatReachedItsBoundIsNotToldFull() throws Exception {
        CompletableFuture<PartitionLane> lane = new CompletableFuture<>();
        CompletableFuture<Thread> revocation = new CompletableFuture<>();
        lane.complete(new PartitionLane(PARTITION, handler(record -> {
            // the loop stops the lane while the handler has the record; stop() waits for this call to end
            PartitionLane stopping = lane.join();
            Thread t = new Thread(stopping::stop);
            t.start();
            revocation.complete(t);
            while (stopping.backlog() > 0) { // stop() drops the queue, the record in hand included, once stopped
                Thread.onSpinWait();
            }
        }), pool, 1, () -> { }));

        lane.join().offer(record(0));
        Thread t = revocation.get(5, TimeUnit.SECONDS);
        t.join(5_000);

        assertFalse(t.isAlive(), "the drain ended");
        // a stop after the check could still get a (late) call, which the handler ignores: not this case
        assertEquals(List.of(), full, "no full-partition call on a partition stopped before the bound was checked");
    }

    /**
     * A handler at its memory bound takes no record, whatever the lane's own bounds; once it takes records again, the
     * loop's next poll ({@link PartitionLane#resume}) starts the lane, since no offer or completion may come to.
     */
    @Test
    void aHandlerThatTakesNoRecordNowGetsNoneUntilTheLaneResumes() throws Exception {
        AtomicBoolean accepting = new AtomicBoolean(false);
        List<Long> handled = new CopyOnWriteArrayList<>();
        PartitionLane lane = new PartitionLane(PARTITION, new AsyncRecordHandler() {
            @Override
            public CompletionStage<?> handle(ConsumerRecord<String, byte[]> record) {
                handled.add(record.offset());
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public boolean accepting(TopicPartition partition) {
                return accepting.get();
            }
        }, pool, 8, () -> { });

        lane.offer(record(0));
        lane.offer(record(1));
        Thread.sleep(100);
        assertEquals(List.of(), handled);
        assertEquals(2, lane.backlog());

        accepting.set(true);
        lane.resume();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (handled.size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        assertEquals(List.of(0L, 1L), handled);
        assertEquals(2, lane.committableOffset());
        lane.stop();
    }

    /** Records the full-partition calls; {@code onHandle} runs in each handle call, whose stage never completes. */
    private AsyncRecordHandler handler(Consumer<ConsumerRecord<String, byte[]>> onHandle) {
        return new AsyncRecordHandler() {
            @Override
            public CompletionStage<?> handle(ConsumerRecord<String, byte[]> record) {
                onHandle.accept(record);
                return new CompletableFuture<Void>();
            }

            @Override
            public void onPartitionFull(TopicPartition partition) {
                full.add(partition);
            }
        };
    }

    private static ConsumerRecord<String, byte[]> record(long offset) {
        return new ConsumerRecord<>(PARTITION.topic(), PARTITION.partition(), offset, "channel", new byte[0]);
    }
}
