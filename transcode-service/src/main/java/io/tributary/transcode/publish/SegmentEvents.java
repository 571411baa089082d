package io.tributary.transcode.publish;

import io.tributary.kafka.KafkaClientDefaults;
import io.tributary.media.event.EventJson;
import io.tributary.media.event.SegmentPublished;
import io.tributary.media.event.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends {@code segment-published} events, keyed by channel, and waits for Kafka's acknowledgement ({@code acks=all},
 * idempotent): the packager returns from its record only once the events are durable, so the offset commit follows
 * them. A GOP's events are sent together and awaited together (one round trip, not one per rendition). Thread-safe:
 * one producer serves every worker thread.
 */
public final class SegmentEvents implements AutoCloseable {
    private final KafkaProducer<String, byte[]> producer;
    private final Duration timeout;

    public SegmentEvents(String bootstrapServers, Duration timeout) {
        Map<String, Object> props = new HashMap<>(KafkaClientDefaults.producer());
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "transcode-service-events");
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
        this.timeout = timeout;
    }

    /**
     * @throws EventNotSentException if Kafka did not acknowledge every event in time (the record is then retried, and
     *     consumers may see an event twice: at least once, as everywhere on our topics)
     * @throws InterruptedException if the worker is being stopped
     */
    public void publish(List<SegmentPublished> events) throws InterruptedException {
        List<Future<RecordMetadata>> sends = new ArrayList<>(events.size());
        for (SegmentPublished e : events) {
            sends.add(producer.send(new ProducerRecord<>(Topics.SEGMENT_PUBLISHED, e.channel(), EventJson.write(e))));
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int i = 0; i < sends.size(); i++) {
            SegmentPublished e = events.get(i);
            try {
                sends.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException ex) {
                throw new EventNotSentException("segment-published for " + e.key() + " not acknowledged: "
                        + ex.getCause(), ex.getCause());
            } catch (TimeoutException ex) {
                throw new EventNotSentException("segment-published for " + e.key() + " not acknowledged within "
                        + timeout, ex);
            }
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
