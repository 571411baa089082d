package io.tributary.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tributary.ingest.it.IngestTestResource;
import io.tributary.ingest.kafka.TopicSetup;
import io.tributary.testsupport.kafka.TopicAssertions;
import io.tributary.testsupport.quarkus.KafkaTestResource;
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
        given().when().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", is("UP"))
                .body("checks.name", hasItem(containsString("Kafka")));
    }

    @Test
    void servesPrometheusMetrics() {
        given().when().get("/q/metrics").then()
                .statusCode(200)
                .body(containsString("jvm_memory_used_bytes"));
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
