package io.tributary.auth.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.auth.channel.Channel;
import io.tributary.auth.key.CidrRange;
import io.tributary.auth.key.KeyHasher;
import io.tributary.auth.key.KeySettings;
import io.tributary.auth.key.StreamKey;
import io.tributary.auth.key.StreamKeyRecord;
import io.tributary.kafka.TopicCatalog;
import io.tributary.media.event.Topics;
import io.tributary.testsupport.KafkaBootstrap;
import io.tributary.testsupport.KafkaExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The state on a real broker: writes are visible on return, a restart rebuilds the same view from the compacted
 * topic, two instances agree.
 */
@ExtendWith(KafkaExtension.class)
class KeyStateIT {
    final String bootstrap;
    String topic;
    String revokedTopic;

    KeyStateIT(@KafkaBootstrap String bootstrap) {
        this.bootstrap = bootstrap;
    }

    @BeforeEach
    void topics() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        topic = "stream-keys-" + suffix;
        revokedTopic = "stream-key-revoked-" + suffix;
        // the catalogue's settings (compaction) on test-named copies of the two topics
        var keys = TopicCatalog.spec(Topics.STREAM_KEYS, 3, (short) 1);
        var revoked = TopicCatalog.spec(Topics.STREAM_KEY_REVOKED, 1, (short) 1);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(
                    new NewTopic(topic, keys.partitions(), keys.replicationFactor()).configs(keys.configs()),
                    new NewTopic(revokedTopic, 1, (short) 1).configs(revoked.configs()))).all().get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void writeIsVisibleWhenItReturns() throws Exception {
        try (StateInstance a = new StateInstance(bootstrap, topic, revokedTopic).awaitCaughtUp()) {
            for (int i = 0; i < 20; i++) {
                a.registry.createChannel("ch-" + i);
                assertTrue(a.store.channel("ch-" + i).isPresent(), "channel " + i);
                KeyRegistry.CreatedKey key = a.registry.createKey("ch-" + i, KeySettings.none());
                assertEquals(key.record(), a.store.key("ch-" + i, key.record().id()).orElseThrow());
                a.registry.revokeKey("ch-" + i, key.record().id());
                assertTrue(a.store.key("ch-" + i, key.record().id()).orElseThrow().revokedAt() != null);
            }
        }
    }

    @Test
    void restartRebuildsTheSameView() throws Exception {
        Map<String, Object> before;
        StreamKey kept;
        try (StateInstance a = new StateInstance(bootstrap, topic, revokedTopic).awaitCaughtUp()) {
            writeAMixOfChanges(a);
            kept = a.registry.createKey("alice", new KeySettings("kept", null,
                    List.of(CidrRange.parse("2001:db8::/32")), 6000)).key();
            a.registry.recordUse("alice", a.store.keysOf("alice").get(0).id(), "0190f0c2-0000-7000-8000-000000000001");
            awaitUsage(a, "alice");
            before = view(a.store);
        }
        try (StateInstance b = new StateInstance(bootstrap, topic, revokedTopic).awaitCaughtUp()) {
            assertEquals(before, view(b.store));
            StreamKeyRecord record = b.store.keyByHash(new KeyHasher().hash(kept)).orElseThrow();
            assertEquals("kept", record.label());
            assertEquals(List.of("2001:db8::/32"), record.allowedCidrs());
        }
    }

    @Test
    void twoInstancesAgree() throws Exception {
        try (StateInstance a = new StateInstance(bootstrap, topic, revokedTopic).awaitCaughtUp();
             StateInstance b = new StateInstance(bootstrap, topic, revokedTopic).awaitCaughtUp()) {
            a.registry.createChannel("shared");
            awaitChannel(b, "shared");
            KeyRegistry.CreatedKey fromA = a.registry.createKey("shared", KeySettings.none());
            awaitKeyCount(b, "shared", 1);
            KeyRegistry.CreatedKey fromB = b.registry.createKey("shared", new KeySettings("b", null, List.of(), null));
            b.registry.revokeKey("shared", fromA.record().id());
            b.registry.createChannel("only-b");
            awaitKeyCount(a, "shared", 2); // a deletes what a sees: wait until it has b's key
            a.registry.deleteChannel("shared");
            b.registry.createChannel("again");
            // b's writes are visible to b; wait for a to read them
            awaitChannel(a, "again");
            assertEquals(view(b.store), view(a.store));
            assertTrue(a.store.keyByHash(new KeyHasher().hash(fromB.key())).isEmpty(), "deleted with its channel");
            assertTrue(a.store.channel("shared").isEmpty());
        }
    }

    @Test
    void createRejectsADuplicateChannelAndUnknownNames() throws Exception {
        try (StateInstance a = new StateInstance(bootstrap, topic, revokedTopic).awaitCaughtUp()) {
            a.registry.createChannel("alice");
            RegistryException e = assertThrows(RegistryException.class, () -> a.registry.createChannel("alice"));
            assertEquals(RegistryException.Kind.CONFLICT, e.kind());
            assertEquals(RegistryException.Kind.NOT_FOUND, assertThrows(RegistryException.class,
                    () -> a.registry.createKey("bob", KeySettings.none())).kind());
            assertThrows(IllegalArgumentException.class, () -> a.registry.createChannel("Not Valid"));
        }
    }

    @Test
    void ensureKeyIsIdempotentAcrossRestarts() throws Exception {
        StreamKey demo = new StreamKey("demo-key-from-the-launcher-0123456789");
        try (StateInstance a = new StateInstance(bootstrap, topic, revokedTopic).awaitCaughtUp()) {
            a.registry.ensureKey("demo", demo, "demo");
            a.registry.ensureKey("demo", demo, "demo");
            assertEquals(1, a.store.keysOf("demo").size());
        }
        try (StateInstance b = new StateInstance(bootstrap, topic, revokedTopic).awaitCaughtUp()) {
            b.registry.ensureKey("demo", demo, "demo");
            assertEquals(1, b.store.keysOf("demo").size());
            assertTrue(b.store.keyByHash(new KeyHasher().hash(demo)).isPresent());
        }
    }

    @Test
    void rotationWithGraceKeepsTheOldKeyUntilThen() throws Exception {
        try (StateInstance a = new StateInstance(bootstrap, topic, revokedTopic).awaitCaughtUp()) {
            a.registry.createChannel("alice");
            KeyRegistry.CreatedKey old = a.registry.createKey("alice", new KeySettings("obs", null,
                    List.of(CidrRange.parse("192.0.2.0/24")), 8000));
            KeyRegistry.CreatedKey next = a.registry.rotateKey("alice", old.record().id(), Duration.ofHours(1));
            assertEquals(old.record().allowedCidrs(), next.record().allowedCidrs());
            assertEquals(8000, next.record().maxBitrateKbps());
            StreamKeyRecord graced = a.store.key("alice", old.record().id()).orElseThrow();
            assertTrue(graced.revokedAt() == null);
            assertTrue(graced.expiresAt().isAfter(Instant.now().plusSeconds(3500)));
            a.registry.rotateKey("alice", next.record().id(), Duration.ZERO);
            assertTrue(a.store.key("alice", next.record().id()).orElseThrow().revokedAt() != null);
            assertEquals(3, a.store.keysOf("alice").size());
        }
    }

    private static void writeAMixOfChanges(StateInstance a) {
        a.registry.createChannel("alice");
        a.registry.createChannel("bob");
        a.registry.createChannel("gone");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(a.registry.createKey("alice", new KeySettings("k" + i, null, List.of(), null)).record().id());
        }
        a.registry.createKey("gone", KeySettings.none());
        a.registry.revokeKey("alice", ids.get(1));
        a.registry.deleteKey("alice", ids.get(2));
        a.registry.updateKey("alice", ids.get(3), new KeySettings("renamed", Instant.now().plusSeconds(86400),
                List.of(CidrRange.parse("10.0.0.0/8")), 2500));
        a.registry.deleteChannel("gone");
    }

    /** Everything a reader can see, in a comparable form. */
    static Map<String, Object> view(KeyStore store) {
        Map<String, Object> view = new TreeMap<>();
        for (Channel channel : store.channels()) {
            view.put("channel:" + channel.name(), channel);
            for (StreamKeyRecord key : store.keysOf(channel.name())) {
                view.put("key:" + key.id(), key);
                store.usage(key.hash()).ifPresent(u -> view.put("used:" + key.id(), u));
            }
        }
        view.put("keyCount", store.keyCount());
        return view;
    }

    private static void awaitChannel(StateInstance instance, String name) throws InterruptedException {
        await(() -> instance.store.channel(name).isPresent(), "channel " + name);
    }

    private static void awaitKeyCount(StateInstance instance, String channel, int n) throws InterruptedException {
        await(() -> instance.store.keysOf(channel).size() == n, n + " keys on " + channel);
    }

    private static void awaitUsage(StateInstance instance, String channel) throws InterruptedException {
        await(() -> instance.store.keysOf(channel).stream().anyMatch(k -> instance.store.usage(k.hash()).isPresent()),
                "usage on " + channel);
    }

    static void await(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }
}
