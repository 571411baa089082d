package io.tributary.auth;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.tributary.auth.archive.RecentArchives;
import io.tributary.auth.config.AuthConfig;
import io.tributary.auth.kafka.TopicFollower;
import io.tributary.auth.key.KeyHasher;
import io.tributary.auth.key.StreamKey;
import io.tributary.auth.key.StreamKeyGenerator;
import io.tributary.auth.live.LiveDirectory;
import io.tributary.auth.live.RevocationPublisher;
import io.tributary.auth.state.KeyLog;
import io.tributary.auth.state.KeyRegistry;
import io.tributary.auth.state.KeyStore;
import io.tributary.kafka.KafkaClientDefaults;
import io.tributary.kafka.TopicCatalog;
import io.tributary.kafka.TopicProvisioner;
import io.tributary.media.event.Topics;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The running service's Kafka side and its start-up sequence, on a thread of its own so that the HTTP server (and
 * its health endpoints) is up while it runs:
 * <ol>
 *   <li>provision {@code stream-keys} and {@code stream-key-revoked} (retrying until Kafka answers);</li>
 *   <li>start the followers of {@code stream-keys} (into the {@link KeyStore}) and of {@code stream-started} /
 *       {@code stream-stopped} (into the {@link LiveDirectory});</li>
 *   <li>wait until both have read up to the end offsets they found;</li>
 *   <li>register the demo key if one is configured;</li>
 *   <li>only then report ready: readiness goes UP and {@code /v1} stops answering 503.</li>
 * </ol>
 * The follower of {@code archive-ready} (into {@link RecentArchives}, for the status page) starts with the others but
 * readiness does not wait for it: publish decisions do not depend on it.
 */
@Startup
@Singleton
public class AuthRuntime {
    private static final Logger LOG = Logger.getLogger(AuthRuntime.class);
    private static final String DEMO_LABEL = "demo key (local stack)";

    private final AuthConfig config;
    private final String bootstrapServers;
    private final KeyStore store;
    private final LiveDirectory live;
    private final Producer<byte[], byte[]> producer;
    private final TopicFollower keysFollower;
    private final TopicFollower liveFollower;
    private final TopicFollower archivesFollower;
    private final KeyLog log;
    private final KeyRegistry registry;
    private final Thread starter;
    private volatile boolean ready;
    private volatile boolean stopping;

    @Inject
    public AuthRuntime(AuthConfig config, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                       KeyStore store, LiveDirectory live, RecentArchives archives, KeyHasher hasher,
                       StreamKeyGenerator generator, Clock clock) {
        this.config = config;
        this.bootstrapServers = bootstrapServers;
        this.store = store;
        this.live = live;
        this.producer = new KafkaProducer<>(producerProperties());
        Duration refresh = config.kafka().metadataRefresh();
        this.keysFollower = new TopicFollower("stream-keys", consumerProperties(), List.of(Topics.STREAM_KEYS),
                r -> store.apply(r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8), r.value()), refresh);
        this.liveFollower = new TopicFollower("live", consumerProperties(),
                List.of(Topics.STREAM_STARTED, Topics.STREAM_STOPPED), live::apply, refresh);
        this.archivesFollower = new TopicFollower("archives", consumerProperties(), List.of(Topics.ARCHIVE_READY),
                archives::apply, refresh);
        this.log = new KeyLog(producer, Topics.STREAM_KEYS, keysFollower, config.kafka().writeTimeout());
        RevocationPublisher revocations = new RevocationPublisher(producer, Topics.STREAM_KEY_REVOKED,
                config.kafka().writeTimeout(), clock);
        this.registry = new KeyRegistry(store, log, hasher, generator, live, revocations, clock);
        this.starter = new Thread(this::startUp, "tributary-auth-start");
        this.starter.setDaemon(true);
        this.starter.start();
    }

    @Produces
    @Singleton
    KeyRegistry registry() {
        return registry;
    }

    /** True once the state is loaded; see the class comment. */
    public boolean isReady() {
        return ready && keysFollower.isRunning() && liveFollower.isRunning();
    }

    private void startUp() {
        try {
            provisionTopics();
            keysFollower.start();
            liveFollower.start();
            archivesFollower.start();
            awaitCaughtUp(keysFollower, "stream-keys");
            awaitCaughtUp(liveFollower, "stream-started/stream-stopped");
            registerDemoKey();
            ready = true;
            LOG.infof("auth-service ready: %d channels, %d keys, %d live sessions", store.channelCount(),
                    store.keyCount(), live.size());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void provisionTopics() throws InterruptedException {
        Duration backoff = Duration.ofSeconds(1);
        while (!stopping) {
            try {
                TopicProvisioner.ensure(bootstrapServers, TopicCatalog.specs(
                        List.of(Topics.STREAM_KEYS, Topics.STREAM_KEY_REVOKED), config.kafka().partitions(),
                        config.kafka().replicationFactor()), config.kafka().provisionTimeout());
                return;
            } catch (RuntimeException e) {
                LOG.warnf("cannot provision topics on %s yet (%s); retrying in %s", bootstrapServers, e.getMessage(),
                        backoff);
                Thread.sleep(backoff.toMillis());
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0
                        ? Duration.ofSeconds(30) : backoff.multipliedBy(2);
            }
        }
    }

    private void awaitCaughtUp(TopicFollower follower, String what) throws InterruptedException {
        long started = System.nanoTime();
        while (!stopping && !follower.awaitCaughtUp(Duration.ofSeconds(30))) {
            LOG.infof("still reading %s (%d s)", what, Duration.ofNanos(System.nanoTime() - started).toSeconds());
        }
    }

    private void registerDemoKey() throws InterruptedException {
        if (config.demo().key().isEmpty() || config.demo().key().get().isBlank()) {
            return;
        }
        String text = config.demo().key().get();
        if (text.length() > StreamKey.MAX_LENGTH || !text.chars().allMatch(c -> c > 32 && c < 127)) {
            LOG.errorf("tributary.auth.demo.key is not usable as a publish name (printable ASCII, at most %d "
                    + "characters); no demo key registered", StreamKey.MAX_LENGTH);
            return;
        }
        StreamKey key = new StreamKey(text);
        while (!stopping) {
            try {
                registry.ensureKey(config.demo().channel(), key, DEMO_LABEL);
                return;
            } catch (RuntimeException e) {
                LOG.warnf("cannot register the demo key yet (%s); retrying", e.getMessage());
                Thread.sleep(1000);
            }
        }
    }

    private Map<String, Object> producerProperties() {
        Map<String, Object> p = new HashMap<>(KafkaClientDefaults.producer());
        p.put("bootstrap.servers", bootstrapServers);
        p.put("client.id", "tributary-auth");
        p.put("key.serializer", ByteArraySerializer.class.getName());
        p.put("value.serializer", ByteArraySerializer.class.getName());
        // send() blocks while it has no metadata (broker unreachable): within the write timeout, not a minute
        p.put("max.block.ms", Long.toString(config.kafka().writeTimeout().toMillis()));
        // the producer gives a record up a little after the caller did (Kafka requires at least linger.ms +
        // request.timeout.ms, 30 s); the caller's write timeout is what the API answers by
        p.put("delivery.timeout.ms", Long.toString(config.kafka().writeTimeout().toMillis() + 30_000));
        return p;
    }

    private Map<String, Object> consumerProperties() {
        Map<String, Object> p = new HashMap<>(KafkaClientDefaults.consumer());
        p.put("bootstrap.servers", bootstrapServers);
        return p;
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
        ready = false;
        starter.interrupt();
        log.close();
        keysFollower.close();
        liveFollower.close();
        archivesFollower.close();
        producer.close(Duration.ofSeconds(5));
    }
}
