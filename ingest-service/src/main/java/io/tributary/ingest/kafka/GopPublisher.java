package io.tributary.ingest.kafka;

import io.tributary.ingest.gop.GopRecord;
import io.tributary.kafka.GopRecords;
import io.tributary.media.event.Topics;
import io.tributary.media.gop.GopHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes GOP records to {@code stream-gops}: keyed by channel (one channel's records stay in order on one partition),
 * the metadata as headers ({@link GopHeaders}), the FLV fragment as the value.
 */
@ApplicationScoped
public class GopPublisher {

    private final IngestProducer producer;

    @Inject
    public GopPublisher(IngestProducer producer) {
        this.producer = producer;
    }

    /** {@code done} runs on {@code replyOn} with null once the record is acknowledged, or with the failure. */
    public void send(String channel, GopRecord record, Executor replyOn, Consumer<Throwable> done) {
        ProducerRecord<String, byte[]> kafkaRecord = new ProducerRecord<>(Topics.STREAM_GOPS, null, channel,
                record.value(), GopRecords.headers(GopHeaders.encode(record.metadata())));
        producer.send(kafkaRecord, replyOn, done);
    }
}
