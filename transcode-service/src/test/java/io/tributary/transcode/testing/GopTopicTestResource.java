package io.tributary.transcode.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.tributary.kafka.TopicCatalog;
import io.tributary.kafka.TopicProvisioner;
import io.tributary.media.event.Topics;
import io.tributary.testsupport.kafka.SharedKafka;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Creates {@code stream-gops} on the shared broker before the application starts, as ingest-service does in the
 * local stack: the service consumes the topic but does not own it, and never lets it be auto-created.
 */
public final class GopTopicTestResource implements QuarkusTestResourceLifecycleManager {
    @Override
    public Map<String, String> start() {
        TopicProvisioner.ensure(SharedKafka.bootstrapServers(),
                TopicCatalog.specs(List.of(Topics.STREAM_GOPS), 3, (short) 1), Duration.ofSeconds(60));
        return Map.of();
    }

    @Override
    public void stop() {
        // the shared broker goes with the JVM
    }
}
