package io.tributary.bench.load;

import io.tributary.media.event.ArchiveReady;
import io.tributary.media.event.EventJson;
import io.tributary.media.event.SegmentPublished;
import io.tributary.media.event.StreamStopped;
import io.tributary.media.event.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The stack's own account of the run, read from Kafka from the moment this opens: every {@code segment-published}
 * (the worker's GOP-close-to-manifest latency, docs/architecture.md), every {@code stream-stopped} and every
 * {@code archive-ready} of the run's channels. No consumer group: partitions are assigned and read from their end,
 * so nothing is committed.
 */
final class StackEvents implements AutoCloseable {

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Predicate<String> ourChannel;
    private final List<SegmentPublished> segments = new CopyOnWriteArrayList<>();
    private final List<StreamStopped> stops = new CopyOnWriteArrayList<>();
    private final List<ArchiveReady> archives = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    StackEvents(String bootstrap, Predicate<String> ourChannel) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // the default fetch wait (500 ms): figures come from the events' own timestamps, not from when they arrive,
        // and shorter waits would add the broker work of more fetches to the figures of the stack
        this.consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.ourChannel = ourChannel;
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(Topics.SEGMENT_PUBLISHED, Topics.STREAM_STOPPED, Topics.ARCHIVE_READY)) {
            for (PartitionInfo p : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
                partitions.add(new TopicPartition(p.topic(), p.partition()));
            }
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the end offsets now, before any publisher starts
        this.thread = new Thread(this::run, "stack-events");
        thread.setDaemon(true);
        thread.start();
    }

    List<SegmentPublished> segments() {
        return List.copyOf(segments);
    }

    List<StreamStopped> stops() {
        return List.copyOf(stops);
    }

    List<ArchiveReady> archives() {
        return List.copyOf(archives);
    }

    private void run() {
        try {
            while (running) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    try {
                        if (record.topic().equals(Topics.SEGMENT_PUBLISHED)) {
                            SegmentPublished event = EventJson.read(record.value(), SegmentPublished.class);
                            if (ourChannel.test(event.channel())) {
                                segments.add(event);
                            }
                        } else if (record.topic().equals(Topics.ARCHIVE_READY)) {
                            ArchiveReady event = EventJson.read(record.value(), ArchiveReady.class);
                            if (ourChannel.test(event.channel())) {
                                archives.add(event);
                            }
                        } else {
                            StreamStopped event = EventJson.read(record.value(), StreamStopped.class);
                            if (ourChannel.test(event.channel())) {
                                stops.add(event);
                            }
                        }
                    } catch (RuntimeException e) {
                        System.err.println("[load] unreadable event on " + record.topic() + ": " + e.getMessage());
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(5_000);
    }
}
