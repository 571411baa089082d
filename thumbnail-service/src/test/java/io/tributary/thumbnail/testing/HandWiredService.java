package io.tributary.thumbnail.testing;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tributary.kafka.TopicCatalog;
import io.tributary.kafka.TopicProvisioner;
import io.tributary.kafka.consume.RecordLoop;
import io.tributary.media.event.Topics;
import io.tributary.storage.ObjectStore;
import io.tributary.storage.S3Settings;
import io.tributary.testsupport.kafka.SharedKafka;
import io.tributary.testsupport.s3.EmbeddedS3;
import io.tributary.testsupport.s3.SharedS3;
import io.tributary.thumbnail.consume.ThumbnailHandler;
import io.tributary.thumbnail.metrics.ThumbnailMetrics;
import io.tributary.thumbnail.publish.EventPublisher;
import io.tributary.thumbnail.render.JpegRenderer;
import io.tributary.thumbnail.render.RenderSettings;
import io.tributary.thumbnail.store.ThumbnailStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The service's pipeline wired by hand, as {@link io.tributary.thumbnail.consume.GopConsumer} wires it, on the JVM's
 * shared Kafka broker and S3 server, consuming a topic and group of the test's choosing: a fresh instance of it is a
 * restarted process (nothing in memory), a fresh group is a replay.
 */
public final class HandWiredService implements AutoCloseable {
    public static final Duration INTERVAL = Duration.ofSeconds(2);

    public final ObjectStore objects;
    public final ThumbnailMetrics metrics;
    private final EventPublisher events;
    private final RecordLoop loop;

    public HandWiredService(String topic, String group) {
        this(topic, group, 2, OptionalInt.of(160));
    }

    public HandWiredService(String topic, String group, int workerThreads, OptionalInt smallWidth) {
        String bootstrap = SharedKafka.bootstrapServers();
        this.objects = objectStore();
        this.metrics = new ThumbnailMetrics(new SimpleMeterRegistry());
        this.events = new EventPublisher(bootstrap, Duration.ofSeconds(60));
        JpegRenderer renderer = new JpegRenderer(new RenderSettings(640, smallWidth, 3));
        ThumbnailHandler handler = new ThumbnailHandler(new ThumbnailStore(objects), renderer, events, metrics,
                INTERVAL, Clock.systemUTC());
        this.loop = new RecordLoop("thumbnail-test", new RecordLoop.Settings(bootstrap, group, workerThreads, 4), Map.of(),
                List.of(topic), handler).start();
    }

    public static ObjectStore objectStore() {
        EmbeddedS3 s3 = SharedS3.instance();
        return new ObjectStore(new S3Settings(s3.endpoint(), s3.accessKey(), s3.secretKey(), SharedS3.BUCKET,
                EmbeddedS3.REGION));
    }

    /** A new GOP topic for one test, and the event topic the service writes (as its start-up would create it). */
    public static void createTopics(String gopTopic, int partitions) throws Exception {
        String bootstrap = SharedKafka.bootstrapServers();
        TopicProvisioner.ensure(bootstrap, TopicCatalog.specs(List.of(Topics.THUMBNAIL_PUBLISHED), 3, (short) 1),
                Duration.ofSeconds(60));
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(gopTopic, partitions, (short) 1)
                    .configs(Map.of("max.message.bytes", Integer.toString(TopicCatalog.GOP_MAX_MESSAGE_BYTES)))))
                    .all().get();
        }
    }

    @Override
    public void close() {
        loop.close();
        events.close();
    }
}
