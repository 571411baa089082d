package io.tributary.thumbnail.testing;

import io.tributary.media.event.EventJson;
import io.tributary.media.event.ThumbnailPublished;
import io.tributary.media.event.Topics;
import io.tributary.testsupport.kafka.SharedKafka;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads thumbnail-published from the start, as a platform service would, and keeps the events of some channels. */
public final class PublishedEvents {
    private PublishedEvents() {
    }

    /** Waits until {@code count} events of {@code channel} have arrived (or the patience runs out) and returns them. */
    public static List<ConsumerRecord<String, ThumbnailPublished>> of(String channel, int count) {
        return of(Set.of(channel), count);
    }

    /**
     * Waits until {@code count} events of the channels have arrived (or the patience runs out), then a second more
     * for any beyond the count (a duplicate), and returns them in the order read.
     */
    public static List<ConsumerRecord<String, ThumbnailPublished>> of(Set<String> channels, int count) {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "events-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, ThumbnailPublished>> events = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.THUMBNAIL_PUBLISHED));
            long deadline = System.nanoTime() + Eventually.PATIENCE.toNanos();
            while (events.size() < count && System.nanoTime() < deadline) {
                collect(consumer.poll(Duration.ofMillis(200)), channels, events);
            }
            collect(consumer.poll(Duration.ofSeconds(1)), channels, events);
        }
        return events;
    }

    private static void collect(Iterable<ConsumerRecord<String, byte[]>> records, Set<String> channels,
                                List<ConsumerRecord<String, ThumbnailPublished>> into) {
        for (ConsumerRecord<String, byte[]> r : records) {
            if (channels.contains(r.key())) {
                into.add(new ConsumerRecord<>(r.topic(), r.partition(), r.offset(), r.key(),
                        EventJson.read(r.value(), ThumbnailPublished.class)));
            }
        }
    }
}
