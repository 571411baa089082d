package io.tributary.archive.kafka;

import io.quarkus.runtime.StartupEvent;
import io.tributary.archive.ArchiveConfig;
import io.tributary.kafka.TopicCatalog;
import io.tributary.kafka.TopicProvisioner;
import io.tributary.media.event.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Creates the topic archive-service writes (archive-ready), at start-up. Idempotent: a topic that exists is left as it is, so
 * every instance of the service can run it. If the broker cannot be reached within the timeout the service
 * fails to start rather than running without its topic.
 */
@ApplicationScoped
public class TopicSetup {

    /** The topics archive-service owns: it is their only writer. */
    public static final List<String> OWNED_TOPICS = List.of(Topics.ARCHIVE_READY);

    @Inject
    ArchiveConfig config;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    void onStart(@Observes StartupEvent event) {
        ArchiveConfig.Kafka kafka = config.kafka();
        TopicProvisioner.ensure(bootstrapServers,
                TopicCatalog.specs(OWNED_TOPICS, kafka.partitions(), kafka.replicationFactor()),
                kafka.setupTimeout());
    }
}
