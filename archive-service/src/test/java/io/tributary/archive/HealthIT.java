package io.tributary.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tributary.archive.kafka.TopicSetup;
import io.tributary.storage.S3Config;
import io.tributary.testsupport.kafka.TopicAssertions;
import io.tributary.testsupport.quarkus.KafkaTestResource;
import io.tributary.testsupport.quarkus.S3TestResource;
import io.tributary.testsupport.quarkus.ServiceEndpoints;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(S3TestResource.class)
class HealthIT {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ArchiveConfig config;

    @Inject
    S3Config s3;

    @Test
    void isReadyWithTheKafkaCheckUp() {
        ServiceEndpoints.assertReadyWithKafkaCheck();
    }

    @Test
    void servesPrometheusMetrics() {
        ServiceEndpoints.assertServesPrometheusMetrics();
    }

    @Test
    void createsTheTopicItOwnsAtStartUp() throws Exception {
        TopicAssertions.assertTopicsExist(bootstrapServers, TopicSetup.OWNED_TOPICS, config.kafka().partitions(),
                config.kafka().replicationFactor());
    }

    @Test
    void readsTheSharedS3SettingsFromTheTestServer() {
        assertNotEquals("http://127.0.0.1:9000", s3.endpoint().toString());
        assertEquals("us-east-1", s3.region());
    }
}
