package io.tributary.ingest.it;

import io.tributary.kafka.KafkaClientDefaults;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Reads one channel's records of a topic from the beginning, as a consumer of the contract would (no group, every
 * partition). Tests use a channel of their own, so a channel's records are exactly what the test caused.
 */
final class TopicRecords {

    private TopicRecords() {
    }

    /**
     * The channel's records, read until {@code until} holds for them and every partition has been read to its end
     * (so a record written after the expected ones would be seen too), or until {@code timeout}.
     */
    static List<ConsumerRecord<String, byte[]>> read(String topic, String channel,
                                                     Predicate<List<ConsumerRecord<String, byte[]>>> until,
                                                     Duration timeout) {
        Map<String, Object> props = new HashMap<>(KafkaClientDefaults.consumer());
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (channel.equals(r.key())) {
                        found.add(r);
                    }
                }
                if (until.test(found) && readToEnd(consumer, partitions)) {
                    return found;
                }
            }
        }
        return found;
    }

    /** Every record there is for the channel now. */
    static List<ConsumerRecord<String, byte[]>> all(String topic, String channel) {
        return read(topic, channel, r -> true, Duration.ofSeconds(30));
    }

    private static boolean readToEnd(KafkaConsumer<String, byte[]> consumer, List<TopicPartition> partitions) {
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        for (TopicPartition p : partitions) {
            if (consumer.position(p) < ends.get(p)) {
                return false;
            }
        }
        return true;
    }
}
