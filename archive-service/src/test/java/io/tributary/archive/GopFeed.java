package io.tributary.archive;

import io.tributary.kafka.GopRecords;
import io.tributary.kafka.KafkaClientDefaults;
import io.tributary.media.flv.FlvReader;
import io.tributary.media.flv.FlvTag;
import io.tributary.media.gop.ClosedGop;
import io.tributary.media.gop.GopAssembler;
import io.tributary.media.gop.GopContent;
import io.tributary.media.gop.GopFlag;
import io.tributary.media.gop.GopHeaders;
import io.tributary.media.gop.GopMetadata;
import io.tributary.media.gop.GopRecordPart;
import io.tributary.media.gop.GopRecordWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The GOP records an ingest publishes for a clip, made with media-common's {@link GopAssembler} and
 * {@link GopRecordWriter} (test-support's TestGops did not exist yet when these tests were written).
 */
final class GopFeed {
    /** One record: its headers and its value. */
    record GopRecord(GopMetadata meta, byte[] value) {
        boolean hasTags() {
            return !io.tributary.media.gop.GopRecordReader.read(value).tags().isEmpty();
        }
    }

    private GopFeed() {
    }

    /**
     * @param maxRecordBytes  GOPs larger than this are split into continuation records
     * @param separateLast    true: an extra record without tags carries {@code last}; false: the last GOP does
     */
    static List<GopRecord> records(Path flvClip, String sessionId, int maxRecordBytes, boolean separateLast) {
        byte[] flv;
        try {
            flv = Files.readAllBytes(flvClip);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        GopAssembler assembler = new GopAssembler(2_000, 10_000);
        List<ClosedGop> gops = new ArrayList<>();
        for (FlvTag tag : new FlvReader(flv).readAll()) {
            assembler.accept(tag).ifPresent(gops::add);
        }
        assembler.finish().ifPresent(gops::add);
        List<GopRecord> records = new ArrayList<>();
        long seq = 0;
        long end = 0;
        for (int g = 0; g < gops.size(); g++) {
            ClosedGop gop = gops.get(g);
            List<byte[]> parts = GopRecordWriter.writeParts(gop.content(), maxRecordBytes).stream()
                    .map(GopRecordPart::value).toList();
            for (int p = 0; p < parts.size(); p++) {
                Set<GopFlag> flags = EnumSet.noneOf(GopFlag.class);
                if (seq == 0) {
                    flags.add(GopFlag.FIRST);
                }
                if (p > 0 || gop.continuation()) {
                    flags.add(GopFlag.CONTINUED);
                }
                if (!separateLast && g == gops.size() - 1 && p == parts.size() - 1) {
                    flags.add(GopFlag.LAST);
                }
                long duration = p == parts.size() - 1 ? gop.durationMillis() : 0;
                records.add(new GopRecord(GopMetadata.of(sessionId, seq++, gop.startMillis(), duration,
                        System.currentTimeMillis(), flags), parts.get(p)));
            }
            end = gop.startMillis() + gop.durationMillis();
        }
        if (separateLast) {
            byte[] empty = GopRecordWriter.write(new GopContent(null, null, null, List.of()));
            records.add(new GopRecord(GopMetadata.of(sessionId, seq, end, 0, System.currentTimeMillis(),
                    Set.of(GopFlag.LAST)), empty));
        }
        return records;
    }

    /** Bytes of the records that carry media: what the archive counts as ingested. */
    static long ingestedBytes(List<GopRecord> records) {
        return records.stream().filter(GopRecord::hasTags).mapToLong(r -> r.value().length).sum();
    }

    /** The record as the loop hands it to the handler: partition 0 of {@code topic}, keyed by channel. */
    static ConsumerRecord<String, byte[]> consumerRecord(String topic, long offset, String channel, GopRecord r) {
        return new ConsumerRecord<>(topic, 0, offset, 0L, TimestampType.CREATE_TIME, -1, -1, channel, r.value(),
                new RecordHeaders(GopRecords.headers(GopHeaders.encode(r.meta()))), Optional.empty());
    }

    static void publish(String bootstrapServers, String topic, String channel, List<GopRecord> records) {
        Map<String, Object> props = new HashMap<>(KafkaClientDefaults.producer());
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (KafkaProducer<String, byte[]> producer =
                     new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            for (GopRecord r : records) {
                ProducerRecord<String, byte[]> pr = new ProducerRecord<>(topic, null, channel, r.value(),
                        GopRecords.headers(GopHeaders.encode(r.meta())));
                producer.send(pr).get(60, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish GOP records: " + e, e);
        }
    }
}
