package io.tributary.bench.transcode;

import io.tributary.media.event.EventJson;
import io.tributary.media.event.SegmentPublished;
import io.tributary.media.event.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads segment-published as a platform service would and keeps the events of one run's channels: each carries the
 * latency the service measured from the GOP's close at ingest (the publisher's clock at send) to its manifests stored.
 */
final class LatencyCollector implements AutoCloseable {
    private final KafkaConsumer<String, byte[]> consumer;
    private final String channelPrefix;
    private final List<SegmentPublished> events = new ArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    LatencyCollector(String bootstrap, String channelPrefix) {
        this.channelPrefix = channelPrefix;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"),
                new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(Topics.SEGMENT_PUBLISHED));
        // join the group and take the latest offsets before anything is published
        while (consumer.assignment().isEmpty()) {
            consumer.poll(Duration.ofMillis(100));
        }
        consumer.seekToEnd(consumer.assignment());
        consumer.assignment().forEach(consumer::position);
        this.thread = new Thread(this::run, "bench-events");
        thread.start();
    }

    private void run() {
        while (running.get()) {
            for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                if (r.key() != null && r.key().startsWith(channelPrefix)) {
                    SegmentPublished e = EventJson.read(r.value(), SegmentPublished.class);
                    synchronized (events) {
                        events.add(e);
                    }
                }
            }
        }
        consumer.close();
    }

    int count() {
        synchronized (events) {
            return events.size();
        }
    }

    List<SegmentPublished> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join();
    }
}
