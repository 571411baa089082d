package io.tributary.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Makes sure topics exist, at a service's start-up: creates the missing ones with their specification and leaves
 * existing ones alone. Every instance of every owning service may run it at the same time; the loser of a creation
 * race sees {@link TopicExistsException} and carries on.
 *
 * <p>An existing topic is never changed: one with fewer partitions than asked, or with settings that differ from its
 * specification, is logged as a warning for an operator to decide (adding partitions moves channels to other
 * partitions, which breaks the per-channel order of records in flight).
 */
public final class TopicProvisioner {
    private static final Logger LOG = Logger.getLogger(TopicProvisioner.class);

    private TopicProvisioner() {
    }

    /**
     * @throws TopicProvisioningException if the cluster does not answer within {@code timeout} or refuses a topic
     */
    public static void ensure(String bootstrapServers, List<TopicSpec> specs, Duration timeout) {
        Deadline deadline = new Deadline(timeout, bootstrapServers);
        int timeoutMs = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "tributary-topic-provisioner",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs))) {
            Set<String> existing = deadline.await(admin.listTopics().names(), "list topics");
            List<TopicSpec> missing = new ArrayList<>();
            List<TopicSpec> found = new ArrayList<>();
            for (TopicSpec spec : specs) {
                (existing.contains(spec.name()) ? found : missing).add(spec);
            }
            found.addAll(create(admin, missing, deadline));
            check(admin, found, deadline);
        }
    }

    /** Creates {@code specs}; returns those another instance created first. */
    private static List<TopicSpec> create(Admin admin, List<TopicSpec> specs, Deadline deadline) {
        if (specs.isEmpty()) {
            return List.of();
        }
        CreateTopicsResult result = admin.createTopics(specs.stream()
                .map(spec -> new NewTopic(spec.name(), spec.partitions(), spec.replicationFactor()).configs(spec.configs()))
                .toList());
        List<TopicSpec> raced = new ArrayList<>();
        for (TopicSpec spec : specs) {
            try {
                deadline.awaitOrThrow(result.values().get(spec.name()), "create topic " + spec.name());
                LOG.infof("Created topic %s: partitions %d, replication factor %d, %s",
                        spec.name(), spec.partitions(), spec.replicationFactor(), new TreeMap<>(spec.configs()));
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new TopicProvisioningException("cannot create topic " + spec.name() + ": " + e.getCause().getMessage(), e.getCause());
                }
                raced.add(spec);
            }
        }
        return raced;
    }

    private static void check(Admin admin, List<TopicSpec> specs, Deadline deadline) {
        if (specs.isEmpty()) {
            return;
        }
        Set<String> names = specs.stream().map(TopicSpec::name).collect(Collectors.toSet());
        Map<String, TopicDescription> descriptions = deadline.awaitKnown(
                () -> admin.describeTopics(names).allTopicNames(), "describe topics");
        Map<ConfigResource, Config> configs = deadline.awaitKnown(() -> admin.describeConfigs(names.stream()
                .map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList()).all(), "describe topic configs");
        for (TopicSpec spec : specs) {
            int partitions = descriptions.get(spec.name()).partitions().size();
            if (partitions < spec.partitions()) {
                LOG.warnf("Topic %s exists with %d partitions, fewer than the %d asked for; not changed (adding partitions "
                        + "moves channels to other partitions): add them deliberately if needed", spec.name(), partitions, spec.partitions());
            } else {
                LOG.infof("Found topic %s: partitions %d", spec.name(), partitions);
            }
            Config actual = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, spec.name()));
            spec.configs().forEach((key, wanted) -> {
                ConfigEntry entry = actual.get(key);
                String value = entry == null ? null : entry.value();
                if (!wanted.equals(value)) {
                    LOG.warnf("Topic %s has %s=%s, its specification says %s; not changed", spec.name(), key, value, wanted);
                }
            });
        }
    }

    /** One time budget for all the admin calls of one {@link #ensure}. */
    private static final class Deadline {
        private static final long UNKNOWN_TOPIC_RETRY_MILLIS = 100;
        private final long endNanos;
        private final Duration timeout;
        private final String bootstrapServers;

        Deadline(Duration timeout, String bootstrapServers) {
            this.endNanos = System.nanoTime() + timeout.toNanos();
            this.timeout = timeout;
            this.bootstrapServers = bootstrapServers;
        }

        <T> T await(KafkaFuture<T> future, String what) {
            try {
                return awaitOrThrow(future, what);
            } catch (ExecutionException e) {
                throw new TopicProvisioningException("Kafka at " + bootstrapServers + " failed to " + what + ": "
                        + e.getCause().getMessage(), e.getCause());
            }
        }

        /**
         * Like {@link #await}, asking again while the broker does not know a topic yet: one that another instance has
         * just created (our create saw {@code TopicExistsException}) can be missing from this broker's metadata for
         * a moment.
         */
        <T> T awaitKnown(Supplier<KafkaFuture<T>> call, String what) {
            while (true) {
                try {
                    return awaitOrThrow(call.get(), what);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > endNanos) {
                        throw new TopicProvisioningException("Kafka at " + bootstrapServers + " failed to " + what + ": "
                                + e.getCause().getMessage(), e.getCause());
                    }
                    pause();
                }
            }
        }

        private void pause() {
            try {
                Thread.sleep(UNKNOWN_TOPIC_RETRY_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TopicProvisioningException("interrupted while waiting for Kafka at " + bootstrapServers, e);
            }
        }

        <T> T awaitOrThrow(KafkaFuture<T> future, String what) throws ExecutionException {
            try {
                return future.get(Math.max(0, endNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                throw new TopicProvisioningException("Kafka at " + bootstrapServers + " did not " + what + " within " + timeout, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TopicProvisioningException("interrupted while waiting to " + what + " on Kafka at " + bootstrapServers, e);
            }
        }
    }
}
