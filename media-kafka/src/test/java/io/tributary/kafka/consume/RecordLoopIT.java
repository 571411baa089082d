package io.tributary.kafka.consume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.kafka.KafkaClientDefaults;
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
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
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

    private static void awaitCount(Map<String, List<Integer>> seen, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (seen.values().stream().mapToInt(List::size).sum() < expected && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(expected, seen.values().stream().mapToInt(List::size).sum());
    }
}
