package io.tributary.kafka.consume;

import io.tributary.kafka.KafkaClientDefaults;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * A worker's consumer-group loop: one thread polls, a lane per partition hands records to the {@link RecordHandler}
 * in order on a shared pool, and offsets are committed only up to what the handler finished (at-least-once, with
 * deterministic outputs making replays harmless). With an {@link AsyncRecordHandler}, "finished" is when the stage it
 * returned for the record completed, and a partition's offset advances only over a contiguous run of finished records.
 *
 * <p>A lane hands over at most {@code maxInFlight} records whose stage has not completed (the handler is told when a
 * partition reaches it: {@link AsyncRecordHandler#onPartitionFull}), and a partition whose lane has more than
 * {@code maxBacklog} records queued is paused, so a slow stream (or object storage away while an asynchronous handler
 * keeps accepting records) costs memory for a bounded number of records, never more. A record whose stage fails is
 * fetched again, with the ones after it, after a back-off ({@link #failedStages()} counts them). Cooperative
 * rebalancing: a revoked partition's lane is stopped and its offset committed before another instance takes it.
 *
 * <p>On {@link #close}, the lanes stop, the handler is told ({@link AsyncRecordHandler#onClosing}), and the records
 * in hand get up to a few seconds to become durable before what is done is committed. A handler whose pending stages
 * cannot complete any more fails them in {@code onClosing}, and the loop does not wait for them; either way a record
 * whose stage did not complete stays uncommitted and goes to the partition's next owner.
 */
public final class RecordLoop implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(RecordLoop.class);
    /**
     * How long close waits for stages that may still complete: well within the 30 s {@link #close} waits for the
     * loop, and short enough for a rolling restart. Stages the handler fails in {@code onClosing} are not waited for.
     */
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(5);
    /**
     * Progress is committed at most this often while running (and always on revoke and close). A commit per record
     * is a write to {@code __consumer_offsets} per GOP and consumer group: at 64 streams about a hundred a second
     * for the broker, for nothing a crash would not replay safely anyway (handlers are idempotent).
     */
    static final Duration COMMIT_INTERVAL = Duration.ofSeconds(1);

    private final String name;
    private final KafkaConsumer<String, byte[]> consumer;
    private final List<String> topics;
    private final AsyncRecordHandler handler;
    private final int maxBacklog;
    private final int maxInFlight;
    private final LongAdder failedStages = new LongAdder();
    private final ExecutorService pool;
    /** Changed by the poll thread (rebalances); read by the handler's threads too ({@link #handOverAgain}). */
    private final Map<TopicPartition, PartitionLane> lanes = new ConcurrentHashMap<>();
    private final Map<TopicPartition, Long> committed = new HashMap<>();
    private final Set<TopicPartition> paused = new HashSet<>();
    private final Thread thread;
    private volatile boolean running = true;
    /** What ended the loop while it should have run on; null while it runs, or once closed normally. */
    private volatile Throwable failure;
    private long lastCommitNanos = System.nanoTime();

    /**
     * @param settings   the loop's own knobs: {@code bootstrapServers}, {@code groupId}, pool size and backlog
     * @param extraProps consumer properties on top of {@link KafkaClientDefaults#consumer()} (may be empty)
     */
    public RecordLoop(String name, Settings settings, Map<String, Object> extraProps, List<String> topics, RecordHandler handler) {
        this(name, settings, extraProps, topics, AsyncRecordHandler.of(handler));
    }

    /**
     * A loop whose records may finish after their handler call returns (see {@link AsyncRecordHandler}). A factory
     * rather than a constructor so that a lambda given to the constructor stays a plain {@link RecordHandler}.
     */
    public static RecordLoop deferred(String name, Settings settings, Map<String, Object> extraProps,
                                      List<String> topics, AsyncRecordHandler handler) {
        return new RecordLoop(name, settings, extraProps, topics, handler);
    }

    private RecordLoop(String name, Settings settings, Map<String, Object> extraProps, List<String> topics,
                       AsyncRecordHandler handler) {
        this.name = name;
        this.topics = List.copyOf(topics);
        this.handler = handler;
        this.maxBacklog = settings.maxBacklog();
        this.maxInFlight = settings.maxInFlight();
        Map<String, Object> props = new HashMap<>(KafkaClientDefaults.consumer());
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, name);
        props.putAll(extraProps);
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(settings.workerThreads(), r -> {
            Thread t = new Thread(r, name + "-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.thread = new Thread(this::run, name + "-poll");
        this.thread.setDaemon(true);
        handler.onResumable(this::handOverAgain);
    }

    /** The handler takes records again ({@link AsyncRecordHandler#onResumable}): lanes with records waiting go on. */
    private void handOverAgain() {
        lanes.values().forEach(PartitionLane::resume);
    }

    /**
     * Where to consume from and how much work to run at once.
     *
     * @param maxBacklog  records queued per partition, not yet handed over, before it is paused
     * @param maxInFlight records per partition handed over whose stage has not completed: no more is handed over
     *                    until one completes (then the backlog grows); bounds an {@link AsyncRecordHandler}'s memory
     *                    when its stages complete late
     */
    public record Settings(String bootstrapServers, String groupId, int workerThreads, int maxBacklog,
                           int maxInFlight) {
        public Settings {
            if (workerThreads < 1 || maxBacklog < 1 || maxInFlight < 1) {
                throw new IllegalArgumentException("workerThreads, maxBacklog and maxInFlight must be positive");
            }
        }

        /** With room for four times the backlog in flight (a synchronous handler never has more than one). */
        public Settings(String bootstrapServers, String groupId, int workerThreads, int maxBacklog) {
            this(bootstrapServers, groupId, workerThreads, maxBacklog, 4 * maxBacklog);
        }
    }

    /** Stages that completed exceptionally while their partition was still this instance's: records fetched again. */
    public long failedStages() {
        return failedStages.sum();
    }

    public RecordLoop start() {
        thread.start();
        return this;
    }

    /**
     * False once the loop ended by itself (an error in the consumer, or a {@link Error} such as running out of heap,
     * on its thread): its partitions are then handled by nobody until the instance is replaced, though the group
     * still counts it as their owner while its heartbeat lasts. A service's liveness check reports it, so that the
     * platform restarts the instance rather than keep one that consumes nothing.
     */
    public boolean consuming() {
        return failure == null;
    }

    private void run() {
        try {
            consumer.subscribe(topics, new Rebalance());
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                    PartitionLane lane = lanes.get(tp);
                    if (lane != null) {
                        lane.offer(record);
                    }
                }
                applyBackpressure();
                lanes.values().forEach(PartitionLane::resume);
                fetchFailedAgain();
                if (System.nanoTime() - lastCommitNanos >= COMMIT_INTERVAL.toNanos()) {
                    commitProgress(false);
                    lastCommitNanos = System.nanoTime();
                }
            }
        } catch (WakeupException e) {
            if (running) {
                stopped(e); // nothing but close() should wake the consumer
            }
        } catch (RuntimeException | Error e) {
            // an Error too: a loop whose thread just died would leave the instance up and consuming nothing, with
            // no other sign than this line (as transcode did when it ran out of heap at 100 streams)
            stopped(e);
        } finally {
            try {
                stopLanes(List.copyOf(lanes.keySet()));
                tellClosing();
                awaitHandedOver();
                commitProgress(true);
            } catch (RuntimeException e) {
                LOG.warnf("%s: final commit failed: %s", name, e.toString());
            }
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void stopped(Throwable e) {
        failure = e;
        LOG.errorf(e, "%s: consumer loop stopped; its partitions are handled by nobody until this instance restarts",
                name);
    }

    private void applyBackpressure() {
        for (Map.Entry<TopicPartition, PartitionLane> e : lanes.entrySet()) {
            int backlog = e.getValue().backlog();
            TopicPartition tp = e.getKey();
            if (backlog > maxBacklog && paused.add(tp)) {
                consumer.pause(List.of(tp));
            } else if (backlog <= maxBacklog / 2 && paused.remove(tp)) {
                consumer.resume(List.of(tp));
            }
        }
    }

    /** Seeks each partition with a failed stage back to it: the records from there on are handed again. */
    private void fetchFailedAgain() {
        for (Map.Entry<TopicPartition, PartitionLane> e : lanes.entrySet()) {
            long offset = e.getValue().takeRewind();
            if (offset >= 0) {
                consumer.seek(e.getKey(), offset);
            }
        }
    }

    /** A handler that fails here costs only the wait: what is done is still committed. */
    private void tellClosing() {
        try {
            handler.onClosing();
        } catch (RuntimeException e) {
            LOG.warnf("%s: handler failed on closing: %s", name, e.toString());
        }
    }

    /**
     * On close, gives the records already handed over a few seconds to become durable, so that they are committed
     * here rather than handed again to the next owner (which would be correct too, only slower). Returns as soon as
     * no stage is pending: those the handler failed in {@code onClosing} are not.
     */
    private void awaitHandedOver() {
        long deadline = System.nanoTime() + CLOSE_GRACE.toNanos();
        try {
            for (PartitionLane lane : lanes.values()) {
                lane.awaitFinished(deadline);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void commitProgress(boolean sync) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (Map.Entry<TopicPartition, PartitionLane> e : lanes.entrySet()) {
            long offset = e.getValue().committableOffset();
            if (offset >= 0 && !Long.valueOf(offset).equals(committed.get(e.getKey()))) {
                offsets.put(e.getKey(), new OffsetAndMetadata(offset));
            }
        }
        if (offsets.isEmpty()) {
            return;
        }
        if (sync) {
            consumer.commitSync(offsets);
            committed.putAll(toLongs(offsets));
        } else {
            consumer.commitAsync(offsets, (done, error) -> {
                if (error == null) {
                    committed.putAll(toLongs(done));
                } else {
                    LOG.debugf("%s: async commit failed, will retry: %s", name, error.toString());
                }
            });
        }
    }

    private static Map<TopicPartition, Long> toLongs(Map<TopicPartition, OffsetAndMetadata> offsets) {
        Map<TopicPartition, Long> m = new HashMap<>();
        offsets.forEach((tp, o) -> m.put(tp, o.offset()));
        return m;
    }

    private void stopLanes(Collection<TopicPartition> partitions) {
        for (TopicPartition tp : partitions) {
            PartitionLane lane = lanes.get(tp);
            if (lane != null) {
                lane.stop();
            }
        }
    }

    /** Cooperative rebalancing: only the partitions that move are revoked, and are finished before they go. */
    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            stopLanes(partitions);
            try {
                commitProgress(true);
            } catch (RuntimeException e) {
                LOG.warnf("%s: commit on revoke failed (records will be replayed): %s", name, e.toString());
            }
            for (TopicPartition tp : partitions) {
                lanes.remove(tp);
                committed.remove(tp);
                paused.remove(tp);
            }
            handler.onPartitionsRevoked(partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            onPartitionsRevoked(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            for (TopicPartition tp : partitions) {
                handler.onAssigned(tp);
                lanes.put(tp, new PartitionLane(tp, handler, pool, maxInFlight, failedStages::increment));
            }
            if (!partitions.isEmpty()) {
                LOG.infof("%s: assigned %s", name, partitions);
            }
        }
    }

    /**
     * Stops polling, lets the records in hand finish (up to 5 s, less when the handler gives up its
     * pending stages in {@link AsyncRecordHandler#onClosing}), commits what is done and closes the consumer.
     */
    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pool.shutdownNow();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
