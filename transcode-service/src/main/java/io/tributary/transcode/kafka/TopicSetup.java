package io.tributary.transcode.kafka;

import io.quarkus.runtime.StartupEvent;
import io.tributary.transcode.TranscodeConfig;
import io.tributary.kafka.TopicCatalog;
import io.tributary.kafka.TopicProvisioner;
import io.tributary.media.event.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Creates the topic transcode-service writes (segment-published), at start-up. Idempotent: a topic that exists is left as it is, so
 * every instance of the service can run it. If the broker cannot be reached within the timeout the service
 * fails to start rather than running without its topic.
 */
@ApplicationScoped
public class TopicSetup {

    /** The topics transcode-service owns: it is their only writer. */
    public static final List<String> OWNED_TOPICS = List.of(Topics.SEGMENT_PUBLISHED);

    @Inject
    TranscodeConfig config;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    void onStart(@Observes StartupEvent event) {
        TranscodeConfig.Kafka kafka = config.kafka();
        TopicProvisioner.ensure(bootstrapServers,
                TopicCatalog.specs(OWNED_TOPICS, kafka.partitions(), kafka.replicationFactor()),
                kafka.setupTimeout());
    }
}
