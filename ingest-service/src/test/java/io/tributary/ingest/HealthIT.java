package io.tributary.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tributary.ingest.it.IngestTestResource;
import io.tributary.ingest.kafka.TopicSetup;
import io.tributary.testsupport.kafka.TopicAssertions;
import io.tributary.testsupport.quarkus.KafkaTestResource;
import io.tributary.testsupport.quarkus.ServiceEndpoints;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(IngestTestResource.class)
class HealthIT {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    IngestConfig config;

    @Test
    void isReadyWithTheKafkaCheckUp() {
        ServiceEndpoints.assertReadyWithKafkaCheck();
    }

    @Test
    void servesPrometheusMetrics() {
        ServiceEndpoints.assertServesPrometheusMetrics();
    }

    @Test
    void createsTheTopicsItOwnsAtStartUp() throws Exception {
        TopicAssertions.assertTopicsExist(bootstrapServers, TopicSetup.OWNED_TOPICS, config.kafka().partitions(),
                config.kafka().replicationFactor());
    }

    @Test
    void listensForRtmpAndRtmpsOnTheConfiguredPorts() throws Exception {
        for (int port : new int[] {config.rtmpPort(), config.rtmpsPort()}) {
            try (java.net.Socket socket = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), port)) {
                assertEquals(true, socket.isConnected(), "port " + port);
            }
        }
    }
}
