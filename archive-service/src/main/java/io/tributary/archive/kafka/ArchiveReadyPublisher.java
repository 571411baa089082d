package io.tributary.archive.kafka;

import io.tributary.archive.session.ArchiveAnnouncer;
import io.tributary.kafka.KafkaClientDefaults;
import io.tributary.media.event.ArchiveReady;
import io.tributary.media.event.EventJson;
import io.tributary.media.event.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Writes archive-ready (JSON, key = channel) and waits for the broker's acknowledgement from every in-sync replica. */
public final class ArchiveReadyPublisher implements ArchiveAnnouncer, AutoCloseable {
    private static final long SEND_TIMEOUT_SECONDS = 30;

    private final KafkaProducer<String, byte[]> producer;

    public ArchiveReadyPublisher(String bootstrapServers) {
        Map<String, Object> props = new HashMap<>(KafkaClientDefaults.producer());
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "archive-service-events");
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    @Override
    public void announce(ArchiveReady event) throws Exception {
        producer.send(new ProducerRecord<>(Topics.ARCHIVE_READY, event.channel(), EventJson.write(event)))
                .get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
