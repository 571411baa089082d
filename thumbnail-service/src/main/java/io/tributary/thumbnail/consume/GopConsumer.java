package io.tributary.thumbnail.consume;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.tributary.kafka.KafkaClientDefaults;
import io.tributary.kafka.consume.RecordLoop;
import io.tributary.media.event.Topics;
import io.tributary.storage.ObjectStore;
import io.tributary.storage.S3Config;
import io.tributary.thumbnail.ThumbnailConfig;
import io.tributary.thumbnail.metrics.ThumbnailMetrics;
import io.tributary.thumbnail.publish.EventPublisher;
import io.tributary.thumbnail.render.JpegRenderer;
import io.tributary.thumbnail.render.RenderSettings;
import io.tributary.thumbnail.store.ThumbnailStore;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.time.Clock;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Runs the service: at start-up, after the topic it owns is provisioned, it makes sure the bucket exists and starts
 * the consumer-group loop over {@code stream-gops}; at shutdown it stops the loop (letting the records in hand
 * finish and committing them) and closes the event producer.
 *
 * <p>Rendering (FFmpeg's libraries, in this JVM), uploads and event sends all run on the loop's worker threads, never
 * on an event loop.
 */
@ApplicationScoped
public class GopConsumer {
    private static final Logger LOG = Logger.getLogger(GopConsumer.class);

    @Inject
    ThumbnailConfig config;

    @Inject
    S3Config s3;

    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private EventPublisher events;
    private volatile RecordLoop loop;

    /**
     * After {@link io.tributary.thumbnail.kafka.TopicSetup}, whose observer has the default priority
     * ({@code APPLICATION + 500}): the event topic exists by then.
     */
    void start(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) StartupEvent event) {
        ObjectStore objects = new ObjectStore(s3.settings());
        objects.ensureBucket();
        // loads FFmpeg's libraries: a service that cannot make pictures fails here, not at the first keyframe
        JpegRenderer renderer = new JpegRenderer(new RenderSettings(config.width(), config.smallWidth(),
                config.quality()));
        events = new EventPublisher(bootstrapServers, config.publishTimeout());
        ThumbnailHandler handler = new ThumbnailHandler(new ThumbnailStore(objects), renderer, events,
                new ThumbnailMetrics(registry), config.interval(), Clock.systemUTC());
        ThumbnailConfig.Consumer consumer = config.consumer();
        loop = new RecordLoop("thumbnail", new RecordLoop.Settings(bootstrapServers, consumer.group(),
                consumer.workerThreads(), consumer.maxBacklog()),
                KafkaClientDefaults.backgroundConsumer(),
                List.of(Topics.STREAM_GOPS), handler).start();
        LOG.infof("consuming %s as group %s: a picture every %s of media time, %d px wide%s", Topics.STREAM_GOPS,
                consumer.group(), config.interval(), config.width(),
                config.smallWidth().isPresent() ? " (and " + config.smallWidth().getAsInt() + " px)" : "");
    }

    /** True until the consumer loop ended by itself (and before it started). */
    public boolean consuming() {
        RecordLoop l = loop;
        return l == null || l.consuming();
    }

    void stop(@Observes ShutdownEvent event) {
        if (loop != null) {
            loop.close();
        }
        if (events != null) {
            events.close();
        }
    }
}
