package io.tributary.testsupport.quarkus;

import io.tributary.testsupport.kafka.SharedKafka;
import io.tributary.testsupport.s3.SharedS3;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The Quarkus test resources hand out the shared servers under the configuration keys the services read. */
class QuarkusTestResourcesIT {
    @Test
    void kafkaResourceGivesTheSharedBootstrapServers() {
        KafkaTestResource resource = new KafkaTestResource();
        Map<String, String> config = resource.start();
        resource.stop();
        assertEquals(Map.of("kafka.bootstrap.servers", SharedKafka.bootstrapServers()), config);
    }

    @Test
    void s3ResourceGivesTheTributaryS3Group() {
        S3TestResource resource = new S3TestResource();
        Map<String, String> config = resource.start();
        resource.stop();
        assertEquals(Map.of(
                "tributary.s3.endpoint", SharedS3.instance().endpoint(),
                "tributary.s3.access-key", "minioadmin",
                "tributary.s3.secret-key", "minioadmin",
                "tributary.s3.bucket", "tributary",
                "tributary.s3.region", "us-east-1"), config);
    }
}
