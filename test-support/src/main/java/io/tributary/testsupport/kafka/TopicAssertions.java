package io.tributary.testsupport.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;

/** What every service's start-up test asks of the topics it owns: they exist, with the configured layout. */
public final class TopicAssertions {
    private TopicAssertions() {
    }

    public static void assertTopicsExist(String bootstrapServers, Collection<String> topics, int partitions,
            int replicationFactor) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Map<String, TopicDescription> found = admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS);
            assertEquals(topics.size(), found.size());
            for (TopicDescription topic : found.values()) {
                assertEquals(partitions, topic.partitions().size(), topic.name());
                assertEquals(replicationFactor, topic.partitions().get(0).replicas().size(), topic.name());
            }
        }
    }
}
