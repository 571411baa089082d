package io.tributary.thumbnail.publish;

import io.tributary.kafka.KafkaClientDefaults;
import io.tributary.media.event.EventJson;
import io.tributary.media.event.ThumbnailPublished;
import io.tributary.media.event.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends {@code thumbnail-published} events, keyed by channel, and waits for Kafka's acknowledgement ({@code acks=all},
 * idempotent): the caller returns from its record only after the event is durable, so the offset commit follows it.
 * Thread-safe (one producer shared by every worker thread).
 */
public final class EventPublisher implements AutoCloseable {
    private final KafkaProducer<String, byte[]> producer;
    private final Duration timeout;

    public EventPublisher(String bootstrapServers, Duration timeout) {
        Map<String, Object> props = new HashMap<>(KafkaClientDefaults.producer());
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "thumbnail-service-events");
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
        this.timeout = timeout;
    }

    /**
     * @throws EventNotSentException if Kafka did not acknowledge the event in time (the record is then retried)
     * @throws InterruptedException  if the worker is being stopped
     */
    public void publish(ThumbnailPublished event) throws InterruptedException {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.THUMBNAIL_PUBLISHED, event.channel(),
                EventJson.write(event));
        try {
            producer.send(record).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new EventNotSentException("thumbnail-published for channel " + event.channel() + " minute "
                    + event.minute() + " not acknowledged: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new EventNotSentException("thumbnail-published for channel " + event.channel() + " minute "
                    + event.minute() + " not acknowledged within " + timeout, e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
