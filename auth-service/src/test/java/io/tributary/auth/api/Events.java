package io.tributary.auth.api;

import io.tributary.kafka.TopicCatalog;
import io.tributary.kafka.TopicProvisioner;
import io.tributary.media.event.ArchiveReady;
import io.tributary.media.event.EventJson;
import io.tributary.media.event.StopReason;
import io.tributary.media.event.StreamStarted;
import io.tributary.media.event.StreamStopped;
import io.tributary.media.event.Topics;
import io.tributary.testsupport.kafka.SharedKafka;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** What ingest would write, and what auth-service writes for ingest, on the test broker. */
final class Events {
    private Events() {
    }

    static void started(String channel, String sessionId) {
        send(Topics.STREAM_STARTED, channel, StreamStarted.of(sessionId, channel, "live", Instant.now(), "ingest-test",
                null, null, Map.of(StreamStarted.HLS, "http://127.0.0.1:9000/tributary/live/" + channel
                        + "/master.m3u8")));
    }

    static void stopped(String channel, String sessionId) {
        send(Topics.STREAM_STOPPED, channel, StreamStopped.of(sessionId, channel, Instant.now(),
                StopReason.PUBLISHER_CLOSED, 1000, 1000, 1));
    }

    /** What archive-service writes when a session's MP4 is complete. */
    static void archiveReady(String channel, String sessionId, Instant readyAt) {
        send(Topics.ARCHIVE_READY, channel, ArchiveReady.of(sessionId, channel,
                "archive/" + channel + "/" + sessionId + ".mp4", 1_048_576, 20_000, 2_000_000, 0.5, null, readyAt));
    }

    private static void send(String topic, String channel, Object event) {
        // ingest (archive-service) creates these topics in production; here the test plays them
        TopicProvisioner.ensure(SharedKafka.bootstrapServers(), TopicCatalog.specs(
                List.of(topic), 3, (short) 1), Duration.ofSeconds(30));
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                "bootstrap.servers", SharedKafka.bootstrapServers(),
                "key.serializer", ByteArraySerializer.class.getName(),
                "value.serializer", ByteArraySerializer.class.getName()))) {
            producer.send(new ProducerRecord<>(topic, channel.getBytes(StandardCharsets.UTF_8),
                    EventJson.write(event))).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Every record of a topic, from the beginning. */
    static List<ConsumerRecord<byte[], byte[]>> all(String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", SharedKafka.bootstrapServers(),
                "key.deserializer", ByteArrayDeserializer.class.getName(),
                "value.deserializer", ByteArrayDeserializer.class.getName()))) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo p : consumer.partitionsFor(topic, Duration.ofSeconds(10))) {
                partitions.add(new TopicPartition(topic, p.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + topic + " to its end");
                }
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
            }
            return records;
        }
    }

    static String text(byte[] bytes) {
        return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
    }
}
