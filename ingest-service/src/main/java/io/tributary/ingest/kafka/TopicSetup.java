package io.tributary.ingest.kafka;

import io.quarkus.runtime.StartupEvent;
import io.tributary.ingest.IngestConfig;
import io.tributary.kafka.TopicCatalog;
import io.tributary.kafka.TopicProvisioner;
import io.tributary.media.event.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Creates the topics ingest writes, at start-up, before anything is produced. Idempotent: topics that exist
 * are left as they are, so every instance of the service can run it. If the broker cannot be reached within
 * the timeout the service fails to start rather than running without its topics.
 */
@ApplicationScoped
public class TopicSetup {

    private static final Logger LOG = Logger.getLogger(TopicSetup.class);

    /** The topics ingest owns: it is their only writer. */
    public static final List<String> OWNED_TOPICS = List.of(Topics.STREAM_STARTED, Topics.STREAM_STOPPED, Topics.STREAM_GOPS);

    @Inject
    IngestConfig config;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    void onStart(@Observes StartupEvent event) {
        IngestConfig.Kafka kafka = config.kafka();
        if (!kafka.provisionTopics()) {
            LOG.info("topic provisioning is off (tributary.ingest.kafka.provision-topics=false): the topics must exist");
            return;
        }
        TopicProvisioner.ensure(bootstrapServers,
                TopicCatalog.specs(OWNED_TOPICS, kafka.partitions(), kafka.replicationFactor()),
                kafka.setupTimeout());
    }
}
