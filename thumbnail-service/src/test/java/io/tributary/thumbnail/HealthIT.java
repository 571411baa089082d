package io.tributary.thumbnail;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tributary.storage.S3Config;
import io.tributary.testsupport.kafka.TopicAssertions;
import io.tributary.testsupport.quarkus.KafkaTestResource;
import io.tributary.testsupport.quarkus.S3TestResource;
import io.tributary.thumbnail.kafka.TopicSetup;
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
    ThumbnailConfig config;

    @Inject
    S3Config s3;

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
