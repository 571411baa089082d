package io.tributary.thumbnail.testing;

import io.tributary.kafka.GopRecords;
import io.tributary.kafka.KafkaClientDefaults;
import io.tributary.media.flv.FlvTag;
import io.tributary.media.flv.VideoTag;
import io.tributary.media.gop.GopContent;
import io.tributary.media.gop.GopHeaders;
import io.tributary.media.gop.GopMetadata;
import io.tributary.media.gop.GopRecordReader;
import io.tributary.media.gop.GopRecordWriter;
import io.tributary.testsupport.gop.TestGops;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A clip cut into GOP records the way ingest makes them ({@link TestGops}: a record per keyframe, first flagged
 * {@code first}, last flagged {@code last}), and sent to any topic with {@code closedAtEpochMillis} stamped at the
 * moment of sending, which the service measures its delay from.
 */
public final class ClipGops {
    private ClipGops() {
    }

    /** One record: its metadata (for the Kafka headers) and its value. */
    public record GopRecord(GopMetadata metadata, byte[] value) {
        public GopRecord withValue(byte[] other) {
            return new GopRecord(metadata, other);
        }
    }

    /** The clip's GOPs as records of session {@code sessionId}, cut by test-support's {@link TestGops}. */
    public static List<GopRecord> of(Path flv, String sessionId) {
        return TestGops.split(flv, sessionId).stream().map(g -> new GopRecord(g.metadata(), g.value())).toList();
    }

    /**
     * The record with its keyframe's slice data replaced by noise from a third of the way in: still a well-formed GOP
     * record, but the picture cannot be decoded as it was encoded (a bit error in transit, a broken encoder).
     */
    public static GopRecord withDamagedKeyframe(GopRecord record) {
        GopContent gop = GopRecordReader.read(record.value());
        List<FlvTag> tags = new ArrayList<>(gop.tags());
        int at = 0;
        while (!(tags.get(at) instanceof VideoTag v && v.packet().keyframe())) {
            at++;
        }
        VideoTag keyframe = (VideoTag) tags.get(at);
        byte[] body = keyframe.body().clone();
        Random random = new Random(record.metadata().sequence());
        for (int i = body.length / 3; i < body.length; i++) {
            body[i] = (byte) random.nextInt(256);
        }
        tags.set(at, new VideoTag(keyframe.timestamp(), body));
        return record.withValue(GopRecordWriter.write(new GopContent(gop.onMetaData(), gop.videoSequenceHeader(),
                gop.audioSequenceHeader(), tags)));
    }

    /** A record and the channel it is keyed by. */
    public record Keyed(String channel, GopRecord record) {
    }

    /** Sends the records keyed by {@code channel}, in order, each closed at the moment it is sent; waits for the acks. */
    public static void publish(String bootstrapServers, String topic, String channel, List<GopRecord> records) {
        publish(bootstrapServers, topic, records.stream().map(r -> new Keyed(channel, r)).toList());
    }

    /** Sends the records in order with one producer, each closed at the moment it is sent; waits for all the acks. */
    public static void publish(String bootstrapServers, String topic, List<Keyed> records) {
        try (Sender sender = new Sender(bootstrapServers)) {
            List<Future<?>> acks = new ArrayList<>();
            for (Keyed k : records) {
                acks.add(sender.send(topic, k, System.currentTimeMillis()));
            }
            for (Future<?> ack : acks) {
                ack.get(60, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish GOP records to " + topic, e);
        }
    }

    /** A producer of GOP records that stays open, for senders that time what follows a send. */
    public static final class Sender implements AutoCloseable {
        private final KafkaProducer<String, byte[]> producer;

        public Sender(String bootstrapServers) {
            Map<String, Object> props = new HashMap<>(KafkaClientDefaults.producer());
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
        }

        /** Sends the record with its {@code closedAtEpochMillis} set to {@code closedAt}. */
        public Future<?> send(String topic, Keyed k, long closedAt) {
            GopMetadata m = k.record().metadata();
            GopMetadata closed = new GopMetadata(m.schemaVersion(), m.sessionId(), m.sequence(), m.mediaStartMillis(),
                    m.mediaDurationMillis(), closedAt, m.flags());
            return producer.send(new ProducerRecord<>(topic, null, k.channel(), k.record().value(),
                    GopRecords.headers(GopHeaders.encode(closed))));
        }

        @Override
        public void close() {
            producer.close();
        }
    }
}
