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
import io.tributary.testsupport.gop.TestGops.TestGop;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What the thumbnail tests need beyond test-support's {@link TestGops} (which cuts clips into records and publishes
 * them): a record with a damaged keyframe, and a producer that stays open, for the benchmark that times what follows
 * a send.
 */
public final class ClipGops {
    private ClipGops() {
    }

    /**
     * The record with its keyframe's slice data replaced by noise from a third of the way in: still a well-formed GOP
     * record, but the picture cannot be decoded as it was encoded (a bit error in transit, a broken encoder).
     */
    public static TestGop withDamagedKeyframe(TestGop record) {
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
        return new TestGop(record.metadata(), GopRecordWriter.write(new GopContent(gop.onMetaData(),
                gop.videoSequenceHeader(), gop.audioSequenceHeader(), tags)));
    }

    /** A record and the channel it is keyed by. */
    public record Keyed(String channel, TestGop record) {
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
