package io.tributary.transcode.testing;

import io.tributary.media.event.EventJson;
import io.tributary.media.event.SegmentPublished;
import io.tributary.media.event.Topics;
import io.tributary.testsupport.kafka.SharedKafka;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads segment-published from the start, as a platform service would, and keeps one channel's events. */
public final class PublishedSegments {
    private PublishedSegments() {
    }

    /** Waits until {@code count} events of {@code channel} arrived (or the patience ran out), then a second more. */
    public static List<SegmentPublished> of(String channel, int count) {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "events-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<SegmentPublished> events = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.SEGMENT_PUBLISHED));
            long deadline = System.nanoTime() + Eventually.PATIENCE.toNanos();
            while (events.size() < count && System.nanoTime() < deadline) {
                collect(consumer.poll(Duration.ofMillis(200)), channel, events);
            }
            // anything beyond the count (a duplicate) has had time to arrive too
            collect(consumer.poll(Duration.ofSeconds(1)), channel, events);
        }
        return events;
    }

    private static void collect(Iterable<ConsumerRecord<String, byte[]>> records, String channel,
                                List<SegmentPublished> into) {
        for (ConsumerRecord<String, byte[]> r : records) {
            if (channel.equals(r.key())) {
                into.add(EventJson.read(r.value(), SegmentPublished.class));
            }
        }
    }
}
