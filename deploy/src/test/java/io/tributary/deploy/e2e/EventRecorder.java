package io.tributary.deploy.e2e;

import io.tributary.media.event.EventJson;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Every record of some topics, from their beginning, as a platform service would see them: one consumer with every
 * partition assigned (no group, nothing committed), polling on its own thread from the moment it starts.
 */
public final class EventRecorder implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(200);

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>(); // guarded by itself
    private final Thread poller;
    private volatile boolean closing;
    private volatile RuntimeException failure;

    private EventRecorder(KafkaConsumer<String, byte[]> consumer) {
        this.consumer = consumer;
        this.poller = new Thread(this::pollUntilClosed, "event-recorder");
        this.poller.setDaemon(true);
    }

    /** @param topics topics that exist already (the services provision theirs before they report ready) */
    public static EventRecorder start(String bootstrap, List<String> topics) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config);
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            consumer.partitionsFor(topic, Duration.ofSeconds(30))
                    .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        EventRecorder recorder = new EventRecorder(consumer);
        recorder.poller.start();
        return recorder;
    }

    /** The events of a topic read so far, in the order they were read, decoded with the contract's mapping. */
    public <T> List<T> events(String topic, Class<T> type) {
        requireHealthy();
        List<T> events = new ArrayList<>();
        synchronized (records) {
            for (ConsumerRecord<String, byte[]> record : records) {
                if (record.topic().equals(topic)) {
                    events.add(EventJson.read(record.value(), type));
                }
            }
        }
        return events;
    }

    /** The first event of the topic that matches, waiting for it until the deadline. */
    public <T> Optional<T> await(String topic, Class<T> type, Predicate<T> match, Instant deadline)
            throws InterruptedException {
        while (true) {
            Optional<T> found = events(topic, type).stream().filter(match).findFirst();
            if (found.isPresent() || Instant.now().isAfter(deadline)) {
                return found;
            }
            Thread.sleep(100);
        }
    }

    private void pollUntilClosed() {
        try {
            while (!closing) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    synchronized (records) {
                        records.add(record);
                    }
                }
            }
        } catch (WakeupException e) {
            // close() woke the poll up
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void requireHealthy() {
        if (failure != null) {
            throw new IllegalStateException("the event consumer failed: " + failure, failure);
        }
    }

    @Override
    public void close() throws InterruptedException {
        closing = true;
        consumer.wakeup();
        poller.join(10_000);
    }
}
