package io.tributary.archive;

import io.tributary.media.event.ArchiveReady;
import io.tributary.media.event.EventJson;
import io.tributary.media.event.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads archive-ready from the beginning, for the events of one session. */
final class ArchiveReadyEvents {
    private ArchiveReadyEvents() {
    }

    /**
     * Waits up to {@code timeout} for the session's first event, then {@code settle} more for any duplicate.
     *
     * @return every event of the session seen (empty when none came in time)
     */
    static List<ArchiveReady> await(String bootstrapServers, String sessionId, Duration timeout, Duration settle) {
        List<ArchiveReady> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> tps = new ArrayList<>();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (tps.isEmpty() && System.nanoTime() < deadline) {
                consumer.partitionsFor(Topics.ARCHIVE_READY, Duration.ofSeconds(10))
                        .forEach(p -> tps.add(new TopicPartition(p.topic(), p.partition())));
            }
            consumer.assign(tps);
            consumer.seekToBeginning(tps);
            long settleEnd = 0;
            while (System.nanoTime() < (found.isEmpty() ? deadline : settleEnd)) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(250))) {
                    ArchiveReady e = EventJson.read(r.value(), ArchiveReady.class);
                    if (e.sessionId().equals(sessionId)) {
                        if (found.isEmpty()) {
                            settleEnd = System.nanoTime() + settle.toNanos();
                        }
                        found.add(e);
                    }
                }
            }
        }
        return found;
    }
}
