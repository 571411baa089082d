package io.tributary.testsupport.kafka;

import io.tributary.testsupport.KafkaBootstrap;
import io.tributary.testsupport.KafkaExtension;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(KafkaExtension.class)
class SharedKafkaIT {
    /** 10 MiB: larger than any GOP record we allow (8 MiB), far above Kafka's 1 MiB defaults. */
    private static final int LARGE_RECORD = 10 * 1024 * 1024;

    @Test
    void carriesA10MiBRecordByteForByteThroughAConsumerGroup(@KafkaBootstrap String bootstrap) throws Exception {
        String topic = "large-records";
        createTopic(bootstrap, topic);
        byte[] value = new byte[LARGE_RECORD];
        new Random(42).nextBytes(value);

        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 16 * 1024 * 1024,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            RecordMetadata written = producer.send(new ProducerRecord<>(topic, "alice", value)).get(30, TimeUnit.SECONDS);
            assertEquals(0, written.offset());
        }

        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "large-records-reader",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, byte[]>> read = pollUntil(consumer, 1, Duration.ofSeconds(30));
            assertEquals(1, read.size());
            assertEquals("alice", read.get(0).key());
            assertArrayEquals(value, read.get(0).value());
            consumer.commitSync();
        }
    }

    @Test
    void doesNotCreateTopicsOnFirstUse(@KafkaBootstrap String bootstrap) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 2000), new StringSerializer(), new StringSerializer())) {
            ExecutionException failed = assertThrows(ExecutionException.class,
                    () -> producer.send(new ProducerRecord<>("never-provisioned", "x")).get(10, TimeUnit.SECONDS));
            // the producer waits for metadata of a topic that never appears
            assertTrue(failed.getCause() instanceof org.apache.kafka.common.errors.TimeoutException
                    || failed.getCause() instanceof UnknownTopicOrPartitionException, failed.getCause().toString());
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            ExecutionException missing = assertThrows(ExecutionException.class,
                    () -> admin.describeTopics(Set.of("never-provisioned")).allTopicNames().get(10, TimeUnit.SECONDS));
            assertInstanceOf(UnknownTopicOrPartitionException.class, missing.getCause());
        }
    }

    @Test
    void isOneBrokerPerJvm(@KafkaBootstrap String bootstrap) {
        assertSame(bootstrap, SharedKafka.bootstrapServers());
        assertTrue(bootstrap.startsWith("127.0.0.1:"), bootstrap);
    }

    static void createTopic(String bootstrap, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
    }

    static <K, V> List<ConsumerRecord<K, V>> pollUntil(KafkaConsumer<K, V> consumer, int count, Duration timeout) {
        List<ConsumerRecord<K, V>> read = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (read.size() < count && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(500)).forEach(read::add);
        }
        return read;
    }
}
