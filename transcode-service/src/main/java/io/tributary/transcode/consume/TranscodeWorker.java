package io.tributary.transcode.consume;

import io.micrometer.core.instrument.MeterRegistry;
import io.tributary.kafka.consume.RecordLoop;
import io.tributary.storage.ObjectStore;
import io.tributary.transcode.metrics.TranscodeMetrics;
import io.tributary.transcode.publish.SegmentEvents;
import io.tributary.transcode.store.ChannelObjects;
import io.tributary.transcode.store.SegmentRetention;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * The packaging pipeline of one instance: a consumer-group loop over the GOP topic, a packager per channel, the
 * uploads, the events and segment retention. {@link GopConsumer} runs one in the service; tests and the benchmark
 * wire their own (a fresh one is a restarted process: nothing in memory).
 */
public final class TranscodeWorker implements AutoCloseable {
    private final ChannelObjects objects;
    private final SegmentRetention retention;
    private final SegmentEvents events;
    private final TranscodeMetrics metrics;
    private final RecordLoop loop;

    public TranscodeWorker(WorkerSettings settings, ObjectStore store, MeterRegistry registry, Clock clock) {
        this.metrics = new TranscodeMetrics(registry);
        this.objects = new ChannelObjects(store, settings.uploadThreads());
        this.retention = new SegmentRetention(objects::delete, clock, metrics::segmentDeleted)
                .start(settings.retentionInterval());
        this.events = new SegmentEvents(settings.bootstrapServers(), settings.publishTimeout());
        GopRecordHandler handler = new GopRecordHandler(new PackagerOutputs(objects, retention, events, metrics,
                settings.windowSize(), settings.retentionGrace(), clock));
        this.loop = new RecordLoop("transcode", new RecordLoop.Settings(settings.bootstrapServers(),
                settings.groupId(), settings.workerThreads(), settings.maxBacklog()),
                // stream-gops belongs to ingest: never let a consumer create it with the broker's defaults
                Map.of(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false"),
                List.of(settings.topic()), handler).start();
    }

    public TranscodeMetrics metrics() {
        return metrics;
    }

    /**
     * Stops consuming (the records in hand finish and are committed), then retention, events and uploads. Pending
     * deletions are in the channels' state objects: the next owner of each channel carries them out.
     */
    @Override
    public void close() {
        loop.close();
        retention.close();
        events.close();
        objects.close();
    }
}
