package io.tributary.testsupport.quarkus;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.tributary.testsupport.kafka.SharedKafka;

import java.util.Map;

/**
 * {@code @QuarkusTestResource(KafkaTestResource.class)} (or {@code @WithTestResource}): points the application under
 * test at the JVM's shared Kafka broker through {@code kafka.bootstrap.servers}, which also turns Kafka Dev Services
 * off. The broker outlives the test class: other classes in the JVM reuse it, and a shutdown hook stops it.
 */
public final class KafkaTestResource implements QuarkusTestResourceLifecycleManager {
    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", SharedKafka.bootstrapServers());
    }

    @Override
    public void stop() {
        // shared with the rest of the JVM: SharedKafka's shutdown hook stops it
    }
}
