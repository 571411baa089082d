package io.tributary.auth.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.jboss.logging.Logger;

/**
 * Reads every partition of some topics from the earliest offset, for ever, on its own thread, and hands each record
 * to a sink: how every instance builds its own full view of a topic.
 *
 * <p>It uses {@code assign}, not a consumer group: each instance needs all partitions, and nothing is committed.
 * Partitions that appear later (a topic created after start, or partitions added) are picked up on the next metadata
 * refresh, from their beginning.
 *
 * <p>It tracks how far it has read ({@link #awaitPast}) so that a writer can wait until its own write is in the view,
 * and whether it has caught up with the end offsets it saw when each partition was assigned ({@link #isCaughtUp}),
 * for readiness.
 */
public final class TopicFollower implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(TopicFollower.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

    private final String name;
    private final Map<String, Object> consumerProperties;
    private final Set<String> topics;
    private final Consumer<ConsumerRecord<byte[], byte[]>> sink;
    private final long refreshNanos;
    private final Thread thread;

    private final Object progress = new Object();
    /** Next offset to read, per assigned partition; guarded by {@link #progress}. */
    private final Map<TopicPartition, Long> positions = new HashMap<>();
    /** End offset at assignment, per partition not yet caught up; guarded by {@link #progress}. */
    private final Map<TopicPartition, Long> catchUpTargets = new HashMap<>();
    private boolean assignedOnce;
    private volatile boolean refreshRequested;
    private volatile boolean running = true;
    private volatile KafkaConsumer<byte[], byte[]> consumer;

    /**
     * @param name               names the thread and log lines
     * @param consumerProperties bootstrap servers and client settings; deserializers, group and offset settings are
     *                           set here
     * @param topics             the topics to follow; they need not exist yet
     * @param sink               called on the follower thread for each record, in partition order; its exceptions
     *                           are logged and the record skipped
     * @param metadataRefresh    how often to look for new partitions
     */
    public TopicFollower(String name, Map<String, Object> consumerProperties, Collection<String> topics,
                         Consumer<ConsumerRecord<byte[], byte[]>> sink, Duration metadataRefresh) {
        this.name = name;
        this.consumerProperties = new HashMap<>(consumerProperties);
        this.consumerProperties.put("key.deserializer", ByteArrayDeserializer.class.getName());
        this.consumerProperties.put("value.deserializer", ByteArrayDeserializer.class.getName());
        this.consumerProperties.put("enable.auto.commit", "false");
        this.consumerProperties.put("auto.offset.reset", "earliest");
        this.consumerProperties.put("allow.auto.create.topics", "false");
        this.consumerProperties.remove("group.id");
        this.consumerProperties.putIfAbsent("client.id", "tributary-auth-" + name);
        this.topics = Set.copyOf(topics);
        this.sink = sink;
        this.refreshNanos = metadataRefresh.toNanos();
        this.thread = new Thread(this::run, "tributary-follow-" + name);
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /** False once the thread has ended (closed, or stopped by an unexpected error). */
    public boolean isRunning() {
        return thread.isAlive();
    }

    /** Whether every partition has been read up to the end offset it had when it was assigned. */
    public boolean isCaughtUp() {
        synchronized (progress) {
            return assignedOnce && catchUpTargets.isEmpty();
        }
    }

    /** Waits until {@link #isCaughtUp()}; false on timeout. */
    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (progress) {
            while (!(assignedOnce && catchUpTargets.isEmpty())) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                progress.wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }

    /** Waits until the record at {@code offset} of {@code partition} has been handed to the sink; false on timeout. */
    public boolean awaitPast(TopicPartition partition, long offset, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (progress) {
            while (true) {
                Long position = positions.get(partition);
                if (position != null && position > offset) {
                    return true;
                }
                if (position == null) {
                    refreshRequested = true; // a partition we have not seen yet: look at the metadata now
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                progress.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    private void run() {
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(consumerProperties)) {
            consumer = c;
            long nextRefresh = System.nanoTime();
            boolean warnedUnreachable = false;
            while (running) {
                if (refreshRequested || System.nanoTime() - nextRefresh >= 0) {
                    refreshRequested = false;
                    try {
                        refreshAssignment(c);
                        nextRefresh = System.nanoTime() + refreshNanos;
                        warnedUnreachable = false;
                    } catch (WakeupException e) {
                        throw e;
                    } catch (RuntimeException e) {
                        if (!warnedUnreachable) {
                            LOG.warnf("%s: cannot read topic metadata yet (%s); retrying", name, e.toString());
                            warnedUnreachable = true;
                        }
                        nextRefresh = System.nanoTime() + Math.min(refreshNanos, Duration.ofSeconds(1).toNanos());
                        sleepQuietly(POLL);
                        continue;
                    }
                }
                if (c.assignment().isEmpty()) {
                    sleepQuietly(POLL);
                    continue;
                }
                for (ConsumerRecord<byte[], byte[]> record : c.poll(POLL)) {
                    try {
                        sink.accept(record);
                    } catch (RuntimeException e) {
                        LOG.warnf("%s: skipped record %s-%d@%d: %s", name, record.topic(), record.partition(),
                                record.offset(), e.getClass().getSimpleName());
                    }
                }
                recordPositions(c);
            }
        } catch (WakeupException e) {
            // close() was called
        } catch (RuntimeException e) {
            if (running) {
                LOG.errorf(e, "%s: follower stopped", name);
            }
        } finally {
            consumer = null;
        }
    }

    private void refreshAssignment(KafkaConsumer<byte[], byte[]> c) {
        Map<String, List<PartitionInfo>> all = c.listTopics(CALL_TIMEOUT);
        Set<TopicPartition> wanted = new HashSet<>();
        for (String topic : topics) {
            for (PartitionInfo p : all.getOrDefault(topic, List.of())) {
                wanted.add(new TopicPartition(p.topic(), p.partition()));
            }
        }
        Set<TopicPartition> current = c.assignment();
        List<TopicPartition> added = new ArrayList<>();
        for (TopicPartition tp : wanted) {
            if (!current.contains(tp)) {
                added.add(tp);
            }
        }
        if (!added.isEmpty()) {
            // Partitions kept in the new assignment keep their positions; new ones start at the beginning.
            c.assign(wanted);
            c.seekToBeginning(added);
            Map<TopicPartition, Long> ends = c.endOffsets(added, CALL_TIMEOUT);
            synchronized (progress) {
                for (TopicPartition tp : added) {
                    long end = ends.getOrDefault(tp, 0L);
                    if (end > 0) {
                        catchUpTargets.put(tp, end);
                    }
                }
            }
            LOG.debugf("%s: following %d partitions", name, wanted.size());
        }
        synchronized (progress) {
            assignedOnce = true;
            progress.notifyAll();
        }
    }

    private void recordPositions(KafkaConsumer<byte[], byte[]> c) {
        Map<TopicPartition, Long> now = new HashMap<>();
        for (TopicPartition tp : c.assignment()) {
            now.put(tp, c.position(tp, CALL_TIMEOUT));
        }
        synchronized (progress) {
            positions.putAll(now);
            catchUpTargets.entrySet().removeIf(e -> {
                Long position = now.get(e.getKey());
                return position != null && position >= e.getValue();
            });
            progress.notifyAll();
        }
    }

    private static void sleepQuietly(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        KafkaConsumer<byte[], byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
