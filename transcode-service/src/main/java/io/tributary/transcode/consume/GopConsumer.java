package io.tributary.transcode.consume;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.tributary.media.event.Topics;
import io.tributary.storage.ObjectStore;
import io.tributary.storage.S3Config;
import io.tributary.transcode.TranscodeConfig;
import io.tributary.transcode.ladder.LadderConfig;
import io.tributary.transcode.ladder.LadderSettings;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.time.Clock;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Runs the service: at start-up, after the topic it owns is provisioned, it makes sure the bucket exists (with its
 * public-read policy where the server has policies) and starts a {@link TranscodeWorker} on {@code stream-gops}, with
 * the ABR ladder as {@code tributary.transcode.ladder.*} says; at
 * shutdown it stops it, letting the records in hand finish and committing them.
 */
@ApplicationScoped
public class GopConsumer {
    private static final Logger LOG = Logger.getLogger(GopConsumer.class);

    @Inject
    TranscodeConfig config;

    @Inject
    S3Config s3;

    @Inject
    LadderConfig ladderConfig;

    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private volatile TranscodeWorker worker;

    /**
     * After {@link io.tributary.transcode.kafka.TopicSetup}, whose observer has the default priority
     * ({@code APPLICATION + 500}): the event topic exists by then.
     */
    void start(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) StartupEvent event) {
        ObjectStore store = new ObjectStore(s3.settings());
        store.ensureBucket();
        TranscodeConfig.Consumer consumer = config.consumer();
        WorkerSettings settings = new WorkerSettings(bootstrapServers, Topics.STREAM_GOPS, consumer.group(),
                consumer.workerThreads(), consumer.maxBacklog(), consumer.maxInFlight(),
                consumer.maxQueuedBytes().asLongValue(), config.hls().windowSize(),
                config.segmentRetentionGrace(), config.segmentRetentionInterval(), config.uploadThreads(),
                config.publishTimeout(), new StateSaving(config.state().saveEvery(), config.state().maxUnsavedAge()));
        // checked before anything starts: a rung without a bit rate or a missing watermark fails start-up
        LadderSettings ladder = LadderSettings.from(ladderConfig);
        worker = new TranscodeWorker(settings, store, registry, Clock.systemUTC(), ladder);
        LOG.infof("consuming %s as group %s: HLS window of %d segments, segments kept %s after leaving it, ABR ladder"
                        + " %s", Topics.STREAM_GOPS, consumer.group(), settings.windowSize(), settings.retentionGrace(),
                ladder.enabled() ? "on (" + String.join(",", ladderConfig.rungs()) + ")" : "off");
    }

    /** True until the worker's consumer loop ended by itself (and before it started: start-up has its own checks). */
    public boolean consuming() {
        TranscodeWorker w = worker;
        return w == null || w.consuming();
    }

    void stop(@Observes ShutdownEvent event) {
        if (worker != null) {
            worker.close();
        }
    }
}
