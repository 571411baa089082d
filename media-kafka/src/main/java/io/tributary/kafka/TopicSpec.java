package io.tributary.kafka;

import java.util.Map;
import java.util.Objects;

/**
 * One topic as it should exist: name, partitions, replication factor and topic-level configuration
 * (Kafka's {@code TopicConfig} names, e.g. {@code retention.ms}).
 */
public record TopicSpec(String name, int partitions, short replicationFactor, Map<String, String> configs) {
    public TopicSpec {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("topic name is blank");
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("topic " + name + ": partitions must be at least 1, not " + partitions);
        }
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("topic " + name + ": replication factor must be at least 1, not " + replicationFactor);
        }
        configs = Map.copyOf(configs);
    }
}
