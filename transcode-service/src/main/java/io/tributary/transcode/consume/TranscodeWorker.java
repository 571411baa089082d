package io.tributary.transcode.consume;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.tributary.ffmpeg.FfmpegRunner;
import io.tributary.kafka.consume.RecordLoop;
import io.tributary.storage.ObjectStore;
import io.tributary.transcode.ladder.LadderPackager;
import io.tributary.transcode.ladder.LadderSettings;
import io.tributary.transcode.metrics.TranscodeMetrics;
import io.tributary.transcode.publish.SegmentEvents;
import io.tributary.transcode.store.ChannelObjects;
import io.tributary.transcode.store.SegmentRetention;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * The packaging pipeline of one instance: a consumer-group loop over the GOP topic, a packager per channel, the ABR
 * ladder (when on), the uploads, the events and segment retention. {@link GopConsumer} runs one in the service; tests
 * and the benchmark wire their own (a fresh one is a restarted process: nothing in memory).
 */
public final class TranscodeWorker implements AutoCloseable {
    private final ChannelObjects objects;
    private final SegmentRetention retention;
    private final SegmentEvents events;
    private final TranscodeMetrics metrics;
    private final LadderPackager ladder;
    private final ExecutorService packaging;
    private final ScheduledExecutorService saveTimer;
    private final GopRecordHandler handler;
    private final RecordLoop loop;

    /** A worker without the ladder: the source rendition only. */
    public TranscodeWorker(WorkerSettings settings, ObjectStore store, MeterRegistry registry, Clock clock) {
        this(settings, store, registry, clock, null);
    }

    /**
     * @param ladder the ABR ladder's settings; null or disabled: the source rendition only, exactly as without it
     */
    public TranscodeWorker(WorkerSettings settings, ObjectStore store, MeterRegistry registry, Clock clock,
                           LadderSettings ladder) {
        this(settings, new ChannelObjects(store, settings.uploadThreads()), registry, clock, ladder);
    }

    /** With storage of the caller's making (tests: one that holds up a channel's writes). */
    TranscodeWorker(WorkerSettings settings, ChannelObjects objects, MeterRegistry registry, Clock clock,
                    LadderSettings ladder) {
        this.metrics = new TranscodeMetrics(registry);
        this.objects = objects;
        this.retention = new SegmentRetention(objects::deleteAll, clock, metrics::segmentDeleted)
                .start(settings.retentionInterval());
        this.events = new SegmentEvents(settings.bootstrapServers(), settings.publishTimeout());
        this.ladder = ladder != null && ladder.enabled()
                ? new LadderPackager(ladder, FfmpegRunner.bundled(), registry) : null;
        AtomicInteger n = new AtomicInteger();
        // the channels' lanes (sources and rungs): each step mostly waits on S3 and Kafka
        this.packaging = Executors.newFixedThreadPool(settings.workerThreads(), r -> {
            Thread t = new Thread(r, "transcode-packaging-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        // one timer for every channel: it only hands a channel's lane a state save step when its records waited
        this.saveTimer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "transcode-state-timer");
            t.setDaemon(true);
            return t;
        });
        // the rungs' bookkeeping (RungProgress) counts on a state saved after every record
        StateSaving saving = this.ladder != null ? StateSaving.EVERY_RECORD : settings.stateSaving();
        this.handler = new GopRecordHandler(new PackagerOutputs(objects, retention, events, metrics,
                settings.windowSize(), settings.retentionGrace(), clock, this.ladder, packaging, saving, saveTimer),
                settings.maxQueuedBytes());
        this.loop = RecordLoop.deferred("transcode", new RecordLoop.Settings(settings.bootstrapServers(),
                settings.groupId(), settings.workerThreads(), settings.maxBacklog(), settings.maxInFlight()),
                // stream-gops belongs to ingest: never let a consumer create it with the broker's defaults
                Map.of(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false"),
                List.of(settings.topic()), handler).start();
        FunctionCounter.builder("tributary.transcode.records.refetched", loop, RecordLoop::failedStages)
                .description("records whose stage failed while their partition was here: fetched again from them")
                .register(registry);
        Gauge.builder("tributary.transcode.queued.bytes", handler, GopRecordHandler::queuedBytes)
                .description("bytes of GOP records handed to channels and not packaged yet; at max-queued-bytes the"
                        + " worker takes no more records until some are packaged")
                .register(registry);
        Gauge.builder("tributary.transcode.channels", handler, GopRecordHandler::channels)
                .description("channels held in memory: live ones, and ended ones whose last output is not stored yet")
                .register(registry);
    }

    /**
     * Stops consuming (the records in hand finish, each channel saves its state, and what is fully stored is
     * committed), then the ladder (rungs not yet
     * stored are abandoned: their records are not committed, and the next owner encodes them again), retention,
     * events and uploads. Pending deletions are in the channels' state objects: the next owner of each channel
     * carries them out.
     */
    /** False once its consumer loop ended by itself ({@link RecordLoop#consuming}). */
    public boolean consuming() {
        return loop.consuming();
    }

    @Override
    public void close() {
        loop.close();
        handler.close();
        saveTimer.shutdownNow();
        if (ladder != null) {
            ladder.close();
        }
        packaging.shutdownNow();
        try {
            packaging.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        retention.close();
        events.close();
        objects.close();
    }
}
