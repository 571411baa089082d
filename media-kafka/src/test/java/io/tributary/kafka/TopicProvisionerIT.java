package io.tributary.kafka;

import io.tributary.media.event.Topics;
import io.tributary.testsupport.KafkaBootstrap;
import io.tributary.testsupport.KafkaExtension;
import io.tributary.testsupport.LoopbackPorts;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(KafkaExtension.class)
class TopicProvisionerIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void createsEveryContractTopicWithItsSettingsAndFindsThemNextTime(@KafkaBootstrap String bootstrap) throws Exception {
        List<TopicSpec> specs = TopicCatalog.specs(Topics.ALL, 2, (short) 1);
        TopicProvisioner.ensure(bootstrap, specs, TIMEOUT);
        TopicProvisioner.ensure(bootstrap, specs, TIMEOUT);

        try (Admin admin = admin(bootstrap)) {
            assertTrue(admin.listTopics().names().get(30, TimeUnit.SECONDS).containsAll(Topics.ALL));
            for (TopicSpec spec : specs) {
                assertEquals(2, partitions(admin, spec.name()), spec.name());
                Config actual = admin.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.TOPIC, spec.name())))
                        .all().get(30, TimeUnit.SECONDS).values().iterator().next();
                spec.configs().forEach((key, value) -> assertEquals(value, actual.get(key).value(), spec.name() + " " + key));
            }
        }
    }

    @Test
    void leavesATopicWithFewerPartitionsAsItIs(@KafkaBootstrap String bootstrap) throws Exception {
        TopicProvisioner.ensure(bootstrap, List.of(new TopicSpec("few-partitions", 1, (short) 1, Map.of())), TIMEOUT);
        TopicProvisioner.ensure(bootstrap, List.of(new TopicSpec("few-partitions", 4, (short) 1, Map.of())), TIMEOUT);
        try (Admin admin = admin(bootstrap)) {
            assertEquals(1, partitions(admin, "few-partitions"));
        }
    }

    @Test
    void toleratesInstancesProvisioningAtTheSameTime(@KafkaBootstrap String bootstrap) throws Exception {
        List<TopicSpec> specs = List.of(
                new TopicSpec("raced-a", 1, (short) 1, Map.of()),
                new TopicSpec("raced-b", 3, (short) 1, Map.of("retention.ms", "60000")));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Void>> instances = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                instances.add(() -> {
                    TopicProvisioner.ensure(bootstrap, specs, TIMEOUT);
                    return null;
                });
            }
            for (Future<Void> done : pool.invokeAll(instances)) {
                done.get();  // none threw
            }
        } finally {
            pool.shutdownNow();
        }
        try (Admin admin = admin(bootstrap)) {
            assertEquals(3, partitions(admin, "raced-b"));
        }
    }

    @Test
    void failsWithinTheTimeoutWhenNoBrokerAnswers() {
        int nobody = LoopbackPorts.pickFree(1)[0];
        long start = System.nanoTime();
        TopicProvisioningException e = assertThrows(TopicProvisioningException.class, () -> TopicProvisioner.ensure(
                "127.0.0.1:" + nobody, TopicCatalog.specs(Set.of(Topics.STREAM_GOPS), 1, (short) 1), Duration.ofSeconds(2)));
        assertTrue(e.getMessage().contains("127.0.0.1:" + nobody), e.getMessage());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(10)) < 0);
    }

    private static Admin admin(String bootstrap) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }

    private static int partitions(Admin admin, String topic) throws Exception {
        return admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic).partitions().size();
    }
}
