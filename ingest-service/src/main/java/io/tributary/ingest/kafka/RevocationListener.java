package io.tributary.ingest.kafka;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.tributary.ingest.session.EndCause;
import io.tributary.ingest.session.LiveSessions;
import io.tributary.kafka.KafkaClientDefaults;
import io.tributary.media.event.EventJson;
import io.tributary.media.event.StreamKeyRevoked;
import io.tributary.media.event.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Reads {@code stream-key-revoked} and ends the revoked key's live session on this instance, with reason
 * {@code revoked}.
 *
 * <p>Every instance must see every revocation (the session may be on any of them), so there is no consumer group:
 * the consumer is assigned all partitions of the topic and starts at their end (a revocation from before this
 * instance started concerns no session of it). Partitions are looked up again periodically; the topic belongs to
 * auth-service, which may create it after the ingest starts. A revocation names the session the key published; one
 * without a session id ends the channel's session, whichever it is (a revoked key must not keep streaming because a
 * view was stale).
 *
 * <p>Runs on its own thread, since {@code poll} blocks; sessions are ended through {@link LiveSessions}, which hops
 * onto each session's event loop.
 */
@ApplicationScoped
public class RevocationListener {

    private static final Logger LOG = Logger.getLogger(RevocationListener.class);
    /**
     * Revocations are rare: a poll waits this long, and the broker holds each empty fetch as long
     * ({@code fetch.max.wait.ms}), so an idle listener makes one fetch round trip per 5 s instead of the default two
     * per second. A record is still returned as soon as it arrives, and shutdown wakes the poll up.
     */
    private static final Duration POLL = Duration.ofSeconds(5);
    /** How often partitions are looked up again once known: new partitions are rare. */
    private static final long PARTITION_REFRESH_MILLIS = 30_000;
    /** How often a missing topic is looked for. */
    private static final long MISSING_TOPIC_RETRY_MILLIS = 2_000;

    private final LiveSessions sessions;
    private final String bootstrapServers;
    private volatile boolean running;
    private Thread thread;
    private KafkaConsumer<String, byte[]> consumer;

    @Inject
    public RevocationListener(LiveSessions sessions,
                              @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.sessions = sessions;
        this.bootstrapServers = bootstrapServers;
    }

    void start(@Observes StartupEvent event) {
        Map<String, Object> props = new HashMap<>(KafkaClientDefaults.consumer());
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "tributary-ingest-revocations");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, Long.toString(POLL.toMillis()));
        consumer = new KafkaConsumer<>(props);
        running = true;
        thread = new Thread(this::run, "ingest-revocations");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (consumer != null) {
            consumer.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        Set<TopicPartition> assigned = new HashSet<>();
        long nextLookup = 0;
        try {
            while (running) {
                long now = System.currentTimeMillis();
                if (now >= nextLookup) {
                    assigned = assign(assigned);
                    nextLookup = now + (assigned.isEmpty() ? MISSING_TOPIC_RETRY_MILLIS : PARTITION_REFRESH_MILLIS);
                }
                if (assigned.isEmpty()) {
                    Thread.sleep(Math.min(MISSING_TOPIC_RETRY_MILLIS, Math.max(1, nextLookup - now)));
                    continue;
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    revoke(record);
                }
            }
        } catch (WakeupException | InterruptedException e) {
            // shutdown
        } catch (RuntimeException e) {
            LOG.errorf(e, "the revocation listener stopped: revoked keys will no longer end live sessions here");
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** Assigns every partition of the topic; new ones start at their end. Keeps the old set if the lookup fails. */
    private Set<TopicPartition> assign(Set<TopicPartition> current) {
        List<PartitionInfo> partitions;
        try {
            partitions = consumer.partitionsFor(Topics.STREAM_KEY_REVOKED, Duration.ofSeconds(5));
        } catch (WakeupException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.debugf("cannot look up %s yet: %s", Topics.STREAM_KEY_REVOKED, e.toString());
            return current;
        }
        if (partitions == null || partitions.isEmpty()) {
            return current;
        }
        Set<TopicPartition> all = partitions.stream().map(p -> new TopicPartition(p.topic(), p.partition()))
                .collect(Collectors.toSet());
        if (all.equals(current)) {
            return current;
        }
        Set<TopicPartition> added = new HashSet<>(all);
        added.removeAll(current);
        consumer.assign(all);
        consumer.seekToEnd(added);
        added.forEach(consumer::position); // resolve "end" now: a revocation sent after this point is seen
        if (current.isEmpty()) {
            LOG.infof("listening for revoked stream keys on %s (%d partitions)", Topics.STREAM_KEY_REVOKED,
                    all.size());
        }
        return all;
    }

    private void revoke(ConsumerRecord<String, byte[]> record) {
        StreamKeyRevoked revoked;
        try {
            revoked = EventJson.read(record.value(), StreamKeyRevoked.class);
        } catch (RuntimeException e) {
            LOG.warnf("ignoring an unreadable %s record at offset %d of partition %d: %s", Topics.STREAM_KEY_REVOKED,
                    record.offset(), record.partition(), e.getMessage());
            return;
        }
        if (sessions.end(revoked.channel(), revoked.sessionId(), EndCause.revoked())) {
            LOG.infof("key %s of channel %s revoked: ending its live session %s", revoked.keyId(),
                    revoked.channel(), revoked.sessionId() == null ? "(any)" : revoked.sessionId());
        }
    }
}
