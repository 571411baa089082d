package io.tributary.transcode.testing;

import io.tributary.kafka.KafkaClientDefaults;
import io.tributary.kafka.TopicCatalog;
import io.tributary.kafka.TopicProvisioner;
import io.tributary.media.event.Topics;
import io.tributary.media.gop.GopFlag;
import io.tributary.media.gop.GopHeaders;
import io.tributary.media.gop.GopMetadata;
import io.tributary.testsupport.gop.TestGops;
import io.tributary.testsupport.kafka.SharedKafka;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** GOP records onto a test's own topic, and the consumer-group facts the tests wait on. */
public final class GopPublisher {
    private GopPublisher() {
    }

    /** A GOP topic of the test's own, and segment-published (as the service's start-up creates it). */
    public static void createTopics(String gopTopic, int partitions) throws Exception {
        String bootstrap = SharedKafka.bootstrapServers();
        TopicProvisioner.ensure(bootstrap, TopicCatalog.specs(List.of(Topics.SEGMENT_PUBLISHED), 3, (short) 1),
                Duration.ofSeconds(60));
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(gopTopic, partitions, (short) 1)
                    .configs(Map.of("max.message.bytes", Integer.toString(TopicCatalog.GOP_MAX_MESSAGE_BYTES)))))
                    .all().get();
        }
    }

    /** Publishes the records in order, keyed by channel, and waits until Kafka has them all. */
    public static void publish(String topic, String channel, List<TestGops.TestGop> gops) {
        Map<String, Object> p = new HashMap<>(KafkaClientDefaults.producer());
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(),
                new ByteArraySerializer())) {
            for (TestGops.TestGop g : gops) {
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, channel, g.value());
                GopHeaders.encode(g.metadata()).forEach((name, value) -> record.headers()
                        .add(new RecordHeader(name, value)));
                producer.send(record).get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot publish GOP records: " + e.getCause(), e.getCause());
        }
    }

    /** The record without its {@code last} flag: a session whose end never came (an ingest that crashed). */
    public static TestGops.TestGop withoutLast(TestGops.TestGop g) {
        EnumSet<GopFlag> flags = EnumSet.noneOf(GopFlag.class);
        flags.addAll(g.metadata().flags());
        flags.remove(GopFlag.LAST);
        GopMetadata m = g.metadata();
        return new TestGops.TestGop(GopMetadata.of(m.sessionId(), m.sequence(), m.mediaStartMillis(),
                m.mediaDurationMillis(), m.closedAtEpochMillis(), flags), g.value());
    }

    /** Moves the group back on partition 0, as if its last commits had never happened (a worker killed with -9). */
    public static void rewind(String group, String topic, long offset) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", SharedKafka.bootstrapServers()))) {
            admin.alterConsumerGroupOffsets(group, Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(offset)))
                    .all().get();
        }
    }
}
