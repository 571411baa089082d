package io.tributary.auth.state;

import io.tributary.auth.kafka.TopicFollower;
import io.tributary.auth.key.KeyHasher;
import io.tributary.auth.key.StreamKeyGenerator;
import io.tributary.auth.live.LiveDirectory;
import io.tributary.auth.live.RevocationPublisher;
import io.tributary.kafka.KafkaClientDefaults;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** One auth-service instance's state side, on a topic of the test's own, without Quarkus. */
final class StateInstance implements AutoCloseable {
    final KeyStore store = new KeyStore();
    final LiveDirectory live = new LiveDirectory(Duration.ofHours(24), Clock.systemUTC());
    final TopicFollower follower;
    final Producer<byte[], byte[]> producer;
    final KeyLog log;
    final KeyRegistry registry;

    StateInstance(String bootstrap, String topic, String revokedTopic) {
        Map<String, Object> consumer = new HashMap<>(KafkaClientDefaults.consumer());
        consumer.put("bootstrap.servers", bootstrap);
        follower = new TopicFollower("test-" + topic, consumer, List.of(topic),
                r -> store.apply(new String(r.key(), StandardCharsets.UTF_8), r.value()), Duration.ofSeconds(1));
        producer = new KafkaProducer<>(producerProperties(bootstrap));
        log = new KeyLog(producer, topic, follower, Duration.ofSeconds(20));
        registry = new KeyRegistry(store, log, new KeyHasher(), new StreamKeyGenerator(new SecureRandom()), live,
                new RevocationPublisher(producer, revokedTopic, Duration.ofSeconds(20), Clock.systemUTC()),
                Clock.systemUTC());
        follower.start();
    }

    static Map<String, Object> producerProperties(String bootstrap) {
        Map<String, Object> p = new HashMap<>(KafkaClientDefaults.producer());
        p.put("bootstrap.servers", bootstrap);
        p.put("key.serializer", ByteArraySerializer.class.getName());
        p.put("value.serializer", ByteArraySerializer.class.getName());
        return p;
    }

    StateInstance awaitCaughtUp() throws InterruptedException {
        if (!follower.awaitCaughtUp(Duration.ofSeconds(30))) {
            throw new AssertionError("follower did not catch up");
        }
        return this;
    }

    @Override
    public void close() {
        log.close();
        follower.close();
        producer.close(Duration.ofSeconds(5));
    }
}
