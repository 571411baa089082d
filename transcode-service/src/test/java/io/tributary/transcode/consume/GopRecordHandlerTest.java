package io.tributary.transcode.consume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.media.gop.GopHeaders;
import io.tributary.media.gop.GopMetadata;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the handler takes from {@code stream-gops} before any channel sees it. */
class GopRecordHandlerTest {
    private static final TopicPartition PARTITION = new TopicPartition("stream-gops", 0);

    private final PackagingParts parts = new PackagingParts();

    @AfterEach
    void close() {
        parts.close();
    }

    /**
     * A record with a GOP's headers and no value (a tombstone) is skipped at once: handed to its channel, the step
     * would fail on it at every retry and stall the channel, and nothing would ever free what it counted.
     */
    @Test
    void aRecordWithGopHeadersAndNoValueIsSkipped() {
        GopRecordHandler handler = new GopRecordHandler(parts.outputs(new StateSaving(5, Duration.ofMinutes(10))),
                WorkerSettings.DEFAULT_MAX_QUEUED_BYTES);
        handler.onAssigned(PARTITION);
        GopMetadata gop = TakenOverChannel.records(1, false).get(0).gop();
        ConsumerRecord<String, byte[]> tombstone = new ConsumerRecord<>(PARTITION.topic(), PARTITION.partition(), 0,
                "tombstone", null);
        GopHeaders.encode(gop).forEach((name, value) -> tombstone.headers().add(name, value));

        CompletionStage<Void> stage = handler.handle(tombstone);

        assertTrue(stage.toCompletableFuture().isDone(), "skipped, not handed to a channel");
        assertTrue(parts.lanes.isEmpty(), "no channel step queued");
        assertEquals(0, handler.channels());
        assertEquals(0, handler.queuedBytes());
    }
}
