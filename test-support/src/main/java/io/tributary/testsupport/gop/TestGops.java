package io.tributary.testsupport.gop;

import io.tributary.media.event.Topics;
import io.tributary.media.flv.FlvReader;
import io.tributary.media.flv.FlvTag;
import io.tributary.media.gop.ClosedGop;
import io.tributary.media.gop.GopAssembler;
import io.tributary.media.gop.GopFlag;
import io.tributary.media.gop.GopHeaders;
import io.tributary.media.gop.GopMetadata;
import io.tributary.media.gop.GopRecordWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * GOP records made from a test clip the way the ingest makes them from a publish: the contract's own
 * {@link GopAssembler} and {@link GopRecordWriter}, sequence numbers from 0, {@code first} on the first record and
 * {@code last} on the final one. Lets the workers be tested before, and without, the ingest.
 */
public final class TestGops {
    private TestGops() {
    }

    /** One GOP record: its header metadata and its value (a self-contained FLV). */
    public record TestGop(GopMetadata metadata, byte[] value) {
    }

    /** Splits an FLV file into GOP records of session {@code sessionId}. */
    public static List<TestGop> split(Path flv, String sessionId) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(flv);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        GopAssembler assembler = new GopAssembler(2000, 10_000);
        List<ClosedGop> closed = new ArrayList<>();
        for (FlvTag tag : new FlvReader(bytes).readAll()) {
            assembler.accept(tag).ifPresent(closed::add);
        }
        assembler.finish().ifPresent(closed::add);
        List<TestGop> gops = new ArrayList<>();
        for (int i = 0; i < closed.size(); i++) {
            ClosedGop g = closed.get(i);
            EnumSet<GopFlag> flags = EnumSet.noneOf(GopFlag.class);
            if (i == 0) {
                flags.add(GopFlag.FIRST);
            }
            if (i == closed.size() - 1) {
                flags.add(GopFlag.LAST);
            }
            if (g.continuation()) {
                flags.add(GopFlag.CONTINUED);
            }
            GopMetadata m = GopMetadata.of(sessionId, i, g.startMillis(), g.durationMillis(), System.currentTimeMillis(), flags);
            gops.add(new TestGop(m, GopRecordWriter.write(g.content())));
        }
        return gops;
    }

    /** Publishes the records to {@code stream-gops}, keyed by channel, and waits until Kafka has them all. */
    public static void publish(String bootstrapServers, String channel, List<TestGop> gops) {
        publish(bootstrapServers, Topics.STREAM_GOPS, channel, gops);
    }

    /**
     * Publishes the records to {@code topic}, keyed by channel, each with {@code closedAtEpochMillis} stamped at the
     * moment it is sent (what a worker measures its delay from, as with the ingest), and waits until Kafka has them.
     */
    public static void publish(String bootstrapServers, String topic, String channel, List<TestGop> gops) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(16 * 1024 * 1024));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            for (TestGop g : gops) {
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, channel, g.value());
                GopHeaders.encode(closedNow(g.metadata())).forEach((name, value) -> record.headers().add(new RecordHeader(name, value)));
                producer.send(record).get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing GOP records", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot publish GOP records: " + e.getCause(), e.getCause());
        }
    }

    private static GopMetadata closedNow(GopMetadata m) {
        return new GopMetadata(m.schemaVersion(), m.sessionId(), m.sequence(), m.mediaStartMillis(),
                m.mediaDurationMillis(), System.currentTimeMillis(), m.flags());
    }
}
