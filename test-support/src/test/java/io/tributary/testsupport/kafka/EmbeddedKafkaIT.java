package io.tributary.testsupport.kafka;

import io.tributary.testsupport.PortInUseException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmbeddedKafkaIT {
    @Test
    void keepsTopicsAndRecordsAcrossARestartOnTheSameDirectory(@TempDir Path dir) throws Exception {
        EmbeddedKafka first = EmbeddedKafka.start(dir, 0, 0);
        try (first) {
            SharedKafkaIT.createTopic(first.bootstrapServers(), "survivor");
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, first.bootstrapServers()), new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("survivor", "alice", "before restart")).get(30, TimeUnit.SECONDS);
            }
        }
        first.close();  // a second close does nothing

        try (EmbeddedKafka second = EmbeddedKafka.start(dir, 0, 0)) {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, second.bootstrapServers()))) {
                assertTrue(admin.listTopics().names().get(30, TimeUnit.SECONDS).contains("survivor"));
            }
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, second.bootstrapServers()), new StringDeserializer(), new StringDeserializer())) {
                consumer.assign(List.of(new TopicPartition("survivor", 0)));
                consumer.seekToBeginning(consumer.assignment());
                List<ConsumerRecord<String, String>> read = SharedKafkaIT.pollUntil(consumer, 1, Duration.ofSeconds(30));
                assertEquals(1, read.size());
                assertEquals("before restart", read.get(0).value());
            }
        }
    }

    @Test
    void namesTheTakenPort(@TempDir Path dir) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            PortInUseException e = assertThrows(PortInUseException.class,
                    () -> EmbeddedKafka.start(dir, taken.getLocalPort(), 0));
            assertEquals(taken.getLocalPort(), e.port());
            assertTrue(e.getMessage().contains("port " + taken.getLocalPort() + " (Kafka broker)"), e.getMessage());
        }
    }
}
