package io.tributary.kafka;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KafkaClientDefaultsTest {
    @Test
    void producerSettingsAreValidKafkaConfigWithTheContractsValues() {
        Map<String, Object> config = new HashMap<>(KafkaClientDefaults.producer());
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        ProducerConfig parsed = new ProducerConfig(config);
        assertEquals("-1", parsed.getString(ProducerConfig.ACKS_CONFIG));  // "all"
        assertTrue(parsed.getBoolean(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG));
        assertEquals(16 * 1024 * 1024, parsed.getInt(ProducerConfig.MAX_REQUEST_SIZE_CONFIG));
        assertEquals(0L, parsed.getLong(ProducerConfig.LINGER_MS_CONFIG));
        assertEquals("none", parsed.getString(ProducerConfig.COMPRESSION_TYPE_CONFIG));
    }

    @Test
    void consumerSettingsAreValidKafkaConfigWithTheContractsValues() {
        Map<String, Object> config = new HashMap<>(KafkaClientDefaults.consumer());
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        ConsumerConfig parsed = new ConsumerConfig(config);
        assertEquals(false, parsed.getBoolean(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG));
        assertEquals("read_committed", parsed.getString(ConsumerConfig.ISOLATION_LEVEL_CONFIG));
        assertEquals(List.of(CooperativeStickyAssignor.class),
                parsed.getList(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG).stream().map(name -> {
                    try {
                        return Class.forName(name);
                    } catch (ClassNotFoundException e) {
                        throw new AssertionError(e);
                    }
                }).toList());
        // a few GOP records per partition and response, not Kafka's 50 MiB (soft limits: a larger record still comes)
        assertEquals(4 * 1024 * 1024, parsed.getInt(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG));
        assertEquals(16 * 1024 * 1024, parsed.getInt(ConsumerConfig.FETCH_MAX_BYTES_CONFIG));
    }

    @Test
    void backgroundConsumersWaitForSeveralGopRecordsPerFetchButNotLongerThanHalfASecondAndCreateNoTopic() {
        Map<String, Object> config = new HashMap<>(KafkaClientDefaults.consumer());
        config.putAll(KafkaClientDefaults.backgroundConsumer());
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        ConsumerConfig parsed = new ConsumerConfig(config);
        assertEquals(4 * 1024 * 1024, parsed.getInt(ConsumerConfig.FETCH_MIN_BYTES_CONFIG));
        assertEquals(500, parsed.getInt(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG));
        assertEquals(false, parsed.getBoolean(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG));
        // a fetch may always carry what it waits for
        assertTrue(parsed.getInt(ConsumerConfig.FETCH_MIN_BYTES_CONFIG)
                < parsed.getInt(ConsumerConfig.FETCH_MAX_BYTES_CONFIG));
    }
}
