package io.tributary.auth.state;

import io.tributary.auth.kafka.TopicFollower;
import io.tributary.media.event.EventJson;
import io.tributary.media.event.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * Writes auth-service's state to the compacted {@code stream-keys} topic (record layout in {@link StateKey}).
 *
 * <p>A write returns only when the broker has acknowledged it (the producer is idempotent with {@code acks=all}) and
 * this instance's {@link KeyStore} has applied it: the follower has read past the write's offset. So a client that
 * creates a key and then lists keys on the same instance always sees it. Other instances see it as soon as their
 * followers read it, typically within one poll.
 */
public final class KeyLog implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(KeyLog.class);
    /** Pending fire-and-forget writes; beyond it they are dropped (the next use writes again). */
    private static final int BACKGROUND_QUEUE = 1000;

    private final Producer<byte[], byte[]> producer;
    private final String topic;
    private final TopicFollower follower;
    private final Duration timeout;
    /**
     * Sends the writes nobody waits for. {@code send} itself can block (up to {@code max.block.ms}) while the broker
     * is unreachable, and a publish decision must not.
     */
    private final ThreadPoolExecutor background;

    /**
     * @param topic    {@link Topics#STREAM_KEYS}; tests use a topic of their own
     * @param follower the follower of {@code topic} that feeds this instance's {@link KeyStore}
     */
    public KeyLog(Producer<byte[], byte[]> producer, String topic, TopicFollower follower, Duration timeout) {
        this.producer = producer;
        this.topic = topic;
        this.follower = follower;
        this.timeout = timeout;
        this.background = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(BACKGROUND_QUEUE), r -> {
                    Thread t = new Thread(r, "tributary-key-log-background");
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.DiscardPolicy());
    }

    /** Writes {@code value} (a record serialised with {@link EventJson}) and waits until it is visible. */
    public void put(StateKey key, Object value) {
        write(key, EventJson.write(value));
    }

    /** Writes a tombstone and waits until it is visible. */
    public void delete(StateKey key) {
        write(key, null);
    }

    /**
     * Writes without waiting, for bookkeeping that must not slow a decision down (last use of a key). A failure is
     * logged; the next use writes it again.
     */
    public void putEventually(StateKey key, Object value) {
        ProducerRecord<byte[], byte[]> record = record(key, EventJson.write(value));
        background.execute(() -> {
            try {
                producer.send(record, (metadata, error) -> {
                    if (error != null) {
                        LOG.warnf("could not record %s in stream-keys: %s", kind(key), error.toString());
                    }
                });
            } catch (RuntimeException e) {
                LOG.warnf("could not record %s in stream-keys: %s", kind(key), e.toString());
            }
        });
    }

    @Override
    public void close() {
        background.shutdown();
        try {
            background.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void write(StateKey key, byte[] value) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            RecordMetadata written = producer.send(record(key, value)).get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
            TopicPartition partition = new TopicPartition(written.topic(), written.partition());
            if (!follower.awaitPast(partition, written.offset(), left)) {
                throw new StateWriteException("the write was acknowledged but is not visible yet", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StateWriteException("interrupted while writing", e);
        } catch (ExecutionException e) {
            throw new StateWriteException("Kafka refused the write: " + e.getCause().getClass().getSimpleName(),
                    e.getCause());
        } catch (TimeoutException e) {
            throw new StateWriteException("Kafka did not acknowledge the write in " + timeout, e);
        } catch (org.apache.kafka.common.KafkaException e) {
            throw new StateWriteException("Kafka refused the write: " + e.getClass().getSimpleName(), e);
        }
    }

    private ProducerRecord<byte[], byte[]> record(StateKey key, byte[] value) {
        return new ProducerRecord<>(topic, key.text().getBytes(StandardCharsets.UTF_8), value);
    }

    private static String kind(StateKey key) {
        return key.getClass().getSimpleName();
    }
}
