package io.tributary.auth.live;

import io.tributary.auth.state.StateWriteException;
import io.tributary.media.event.EventJson;
import io.tributary.media.event.StreamKeyRevoked;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logging.Logger;

/**
 * Publishes {@link StreamKeyRevoked} (keyed by channel) so that the ingest holding the session ends it with reason
 * {@code revoked}. Waits for the broker's ack: a revocation the API confirmed must reach the ingest. The event carries
 * the key's id and the session id, never the key or its hash.
 */
public final class RevocationPublisher {
    private static final Logger LOG = Logger.getLogger(RevocationPublisher.class);

    private final Producer<byte[], byte[]> producer;
    private final String topic;
    private final Duration timeout;
    private final Clock clock;

    /** @param topic {@link io.tributary.media.event.Topics#STREAM_KEY_REVOKED}; tests use a topic of their own */
    public RevocationPublisher(Producer<byte[], byte[]> producer, String topic, Duration timeout, Clock clock) {
        this.producer = producer;
        this.topic = topic;
        this.timeout = timeout;
        this.clock = clock;
    }

    public void publish(String channel, String keyId, String sessionId) {
        StreamKeyRevoked event = StreamKeyRevoked.of(channel, keyId, clock.instant(), sessionId);
        try {
            producer.send(new ProducerRecord<>(topic, channel.getBytes(StandardCharsets.UTF_8),
                    EventJson.write(event))).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            LOG.infof("published stream-key-revoked: channel=%s key=%s session=%s", channel, keyId, sessionId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StateWriteException("interrupted while publishing stream-key-revoked", e);
        } catch (ExecutionException | TimeoutException | org.apache.kafka.common.KafkaException e) {
            throw new StateWriteException("could not publish stream-key-revoked; the key is revoked, retry to end "
                    + "the live session", e);
        }
    }
}
