package io.tributary.archive;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Metrics;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.tributary.archive.kafka.ArchiveReadyPublisher;
import io.tributary.archive.kafka.GopTopicPartitions;
import io.tributary.archive.store.ArchiveStore;
import io.tributary.ffmpeg.FfmpegRunner;
import io.tributary.storage.ObjectStorageException;
import io.tributary.storage.S3Config;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** Starts the archive pipeline with the service and stops it (committing what is done) on shutdown. */
@ApplicationScoped
public class ArchiveService {
    private static final Logger LOG = Logger.getLogger(ArchiveService.class);

    @Inject
    ArchiveConfig config;

    @Inject
    S3Config s3;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private ArchiveReadyPublisher publisher;
    private GopTopicPartitions partitions;
    private volatile ArchivePipeline pipeline;

    // after TopicSetup (default priority): archive-ready exists before anything is announced on it
    void onStart(@Observes @Priority(jakarta.interceptor.Interceptor.Priority.LIBRARY_AFTER + 100) StartupEvent event) {
        ArchiveSettings settings = ArchiveSettings.from(config);
        ArchiveStore store = new ArchiveStore(s3.settings());
        try {
            store.ensureBucket();
        } catch (ObjectStorageException e) {
            // records are retried until storage answers; the service need not refuse to start
            LOG.warnf("object storage not ready at start-up: %s", e.getMessage());
        }
        publisher = new ArchiveReadyPublisher(bootstrapServers);
        partitions = new GopTopicPartitions(bootstrapServers, settings.topic());
        pipeline = ArchivePipeline.start(settings, bootstrapServers, store, publisher, partitions, FfmpegRunner.bundled());
        Gauge.builder("tributary.archive.open.sessions", this, ArchiveService::openSessions)
                .description("Sessions being recorded by this instance").register(Metrics.globalRegistry);
        Gauge.builder("tributary.archive.waiting.records", this, ArchiveService::waitingRecords)
                .description("Records handed over whose GOP is in no stored object yet (copy mode: waiting for its "
                        + "chunk); their offsets are not committed").register(Metrics.globalRegistry);
        Gauge.builder("tributary.archive.unfinished.sessions", this, ArchiveService::unfinishedSessions)
                .description("Sessions whose end came and whose archive could not be made yet (storage or Kafka away, "
                        + "or parts that need a person); the sweeper tries again").register(Metrics.globalRegistry);
        LOG.infof("archiving %s in %s mode (group %s, %d workers)", settings.topic(), settings.mode(),
                settings.groupId(), settings.workerThreads());
    }

    void onStop(@Observes ShutdownEvent event) {
        if (pipeline != null) {
            pipeline.close();
        }
        if (publisher != null) {
            publisher.close();
        }
        if (partitions != null) {
            partitions.close();
        }
    }

    /** True until the pipeline's consumer loop ended by itself (and before it started). */
    public boolean consuming() {
        ArchivePipeline p = pipeline;
        return p == null || p.consuming();
    }

    /** Records whose GOP is not stored yet (for metrics): what a crash would hand the next owner again. */
    public int waitingRecords() {
        return pipeline == null ? 0 : pipeline.archiver().waitingRecords();
    }

    /** Sessions whose archive could not be made at their end yet (for metrics): something to alert on. */
    public int unfinishedSessions() {
        return pipeline == null ? 0 : pipeline.archiver().unfinishedSessions();
    }

    /** Sessions being recorded by this instance (for tests and metrics). */
    public int openSessions() {
        return pipeline == null ? 0 : pipeline.archiver().openSessions();
    }
}
