package io.tributary.kafka.consume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.kafka.KafkaClientDefaults;
import io.tributary.kafka.TopicCatalog;
import io.tributary.testsupport.kafka.SharedKafka;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerInterceptor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RecordLoopIT {
    private String bootstrap;
    private String topic;

    @BeforeEach
    void topic() throws Exception {
        bootstrap = SharedKafka.bootstrapServers();
        topic = "loop-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
        }
    }

    @Test
    void handlesEveryRecordInPartitionOrderRetriesFailuresAndCommitsOnlyWhatIsDone() throws Exception {
        produce(60);
        Map<String, List<Integer>> seen = new ConcurrentHashMap<>();
        AtomicBoolean failedOnce = new AtomicBoolean();
        RecordHandler handler = r -> {
            int n = Integer.parseInt(new String(r.value(), StandardCharsets.UTF_8));
            if (n == 7 && failedOnce.compareAndSet(false, true)) {
                throw new IllegalStateException("object storage is away");
            }
            seen.computeIfAbsent(r.key(), k -> new CopyOnWriteArrayList<>()).add(n);
        };
        String group = "g-" + UUID.randomUUID();
        try (RecordLoop loop = new RecordLoop("test", new RecordLoop.Settings(bootstrap, group, 2, 4), Map.of(),
                List.of(topic), handler).start()) {
            awaitCount(seen, 60);
        }
        assertTrue(failedOnce.get());
        for (List<Integer> perKey : seen.values()) {
            List<Integer> sorted = new ArrayList<>(perKey);
            sorted.sort(Integer::compare);
            assertEquals(sorted, perKey, "records of one key arrive in order, once each");
        }

        // a second instance of the same group starts after the committed offsets: nothing is handled twice
        produce(6);
        List<ConsumerRecord<String, byte[]>> again = new CopyOnWriteArrayList<>();
        try (RecordLoop loop = new RecordLoop("test2", new RecordLoop.Settings(bootstrap, group, 2, 4), Map.of(),
                List.of(topic), again::add).start()) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (again.size() < 6 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            Thread.sleep(500);
        }
        assertEquals(6, again.size());
    }

    /**
     * The fetch limits are soft: records larger than a partition's share of a fetch ({@code max.partition.fetch.bytes},
     * 4 MiB) and than a whole response (16 MiB, up to the 16 MiB a GOP record may be) still come, each partition's in
     * order, between small ones on every partition.
     */
    @Test
    void recordsLargerThanTheFetchLimitsStillComeInOrder() throws Exception {
        int large = 6 * 1024 * 1024;
        int largest = TopicCatalog.GOP_MAX_MESSAGE_BYTES - 64 * 1024;
        List<byte[]> values = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            int size = i == 11 ? largest : i % 3 == 0 ? large : 100;
            byte[] value = new byte[size];
            value[0] = (byte) i;
            values.add(value);
        }
        produce(values);
        Map<String, List<Integer>> seen = new ConcurrentHashMap<>();
        RecordHandler handler = r -> {
            int n = r.value()[0];
            assertEquals(values.get(n).length, r.value().length);
            seen.computeIfAbsent(r.key(), k -> new CopyOnWriteArrayList<>()).add(n);
        };
        try (RecordLoop loop = new RecordLoop("test", new RecordLoop.Settings(bootstrap, "g-" + UUID.randomUUID(), 2,
                4), Map.of(), List.of(topic), handler).start()) {
            awaitCount(seen, values.size());
        }
        for (List<Integer> perKey : seen.values()) {
            List<Integer> sorted = new ArrayList<>(perKey);
            sorted.sort(Integer::compare);
            assertEquals(sorted, perKey, "records of one key arrive in order, once each");
        }
    }

    /** An error on the loop's own thread (here from a consumer interceptor) ends it, and it says so. */
    @Test
    void aLoopWhoseThreadDiesReportsThatItIsNotConsuming() throws Exception {
        produce(3);
        List<ConsumerRecord<String, byte[]>> handled = new CopyOnWriteArrayList<>();
        try (RecordLoop loop = new RecordLoop("test", new RecordLoop.Settings(bootstrap, "g-" + UUID.randomUUID(), 2,
                4), Map.of(ConsumerConfig.INTERCEPTOR_CLASSES_CONFIG, DyingInterceptor.class.getName()),
                List.of(topic), handled::add).start()) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (loop.consuming() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertFalse(loop.consuming());
        }
        assertEquals(List.of(), handled);
    }

    /** Throws an {@link Error} at the first records polled: Kafka passes errors of interceptors on, not exceptions. */
    public static final class DyingInterceptor implements ConsumerInterceptor<String, byte[]> {
        @Override
        public ConsumerRecords<String, byte[]> onConsume(ConsumerRecords<String, byte[]> records) {
            if (!records.isEmpty()) {
                throw new LinkageError("a consumer thread's error, as an OutOfMemoryError would be");
            }
            return records;
        }

        @Override
        public void onCommit(Map<TopicPartition, OffsetAndMetadata> offsets) {
        }

        @Override
        public void close() {
        }

        @Override
        public void configure(Map<String, ?> configs) {
        }
    }

    private void produce(int count) {
        Properties p = new Properties();
        p.putAll(KafkaClientDefaults.producer());
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(topic, "channel-" + (i % 5), Integer.toString(i).getBytes(StandardCharsets.UTF_8)));
            }
            producer.flush();
        }
    }

    private void produce(List<byte[]> values) {
        Properties p = new Properties();
        p.putAll(KafkaClientDefaults.producer());
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < values.size(); i++) {
                producer.send(new ProducerRecord<>(topic, "channel-" + (i % 5), values.get(i)));
            }
            producer.flush();
        }
    }

    private static void awaitCount(Map<String, List<Integer>> seen, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (seen.values().stream().mapToInt(List::size).sum() < expected && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(expected, seen.values().stream().mapToInt(List::size).sum());
    }
}
