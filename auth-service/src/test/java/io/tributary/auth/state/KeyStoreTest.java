package io.tributary.auth.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.auth.channel.Channel;
import io.tributary.auth.key.KeyHash;
import io.tributary.auth.key.KeyHasher;
import io.tributary.auth.key.KeyUsage;
import io.tributary.auth.key.StreamKey;
import io.tributary.auth.key.StreamKeyRecord;
import io.tributary.media.event.EventJson;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyStoreTest {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    final KeyStore store = new KeyStore();
    final KeyHasher hasher = new KeyHasher();

    static StreamKeyRecord key(String id, KeyHash hash, String channel) {
        return new StreamKeyRecord(1, id, hash.hex(), channel, null, T0, null, null, List.of(), null);
    }

    void put(StateKey key, Object value) {
        store.apply(key.text(), value == null ? null : EventJson.write(value));
    }

    @Test
    void appliesChannelsKeysUsageAndTombstones() {
        KeyHash hash = hasher.hash(new StreamKey("tsk_a"));
        put(new StateKey.OfChannel("alice"), ChannelRecord.of(new Channel("alice", T0)));
        put(new StateKey.OfKey(hash), key("key_a", hash, "alice"));
        put(new StateKey.OfUsage(hash), new KeyUsage(1, T0.plusSeconds(5), "s1"));
        assertEquals(List.of(new Channel("alice", T0)), store.channels());
        assertEquals("key_a", store.keyByHash(hash).orElseThrow().id());
        assertEquals("key_a", store.key("alice", "key_a").orElseThrow().id());
        assertEquals("s1", store.usage(hash).orElseThrow().lastSessionId());

        put(new StateKey.OfKey(hash), null);
        put(new StateKey.OfUsage(hash), null);
        put(new StateKey.OfChannel("alice"), null);
        assertTrue(store.keyByHash(hash).isEmpty());
        assertTrue(store.key("alice", "key_a").isEmpty());
        assertTrue(store.keysOf("alice").isEmpty());
        assertTrue(store.usage(hash).isEmpty());
        assertEquals(0, store.channelCount());
    }

    @Test
    void aKeyIsOnlyFoundUnderItsOwnChannel() {
        KeyHash hash = hasher.hash(new StreamKey("tsk_b"));
        put(new StateKey.OfKey(hash), key("key_b", hash, "bob"));
        assertTrue(store.key("alice", "key_b").isEmpty());
        assertTrue(store.key("bob", "key_b").isPresent());
    }

    @Test
    void skipsRecordsItCannotRead() {
        KeyHash hash = hasher.hash(new StreamKey("tsk_c"));
        KeyHash other = hasher.hash(new StreamKey("tsk_d"));
        store.apply("not-a-known-key", "{}".getBytes(StandardCharsets.UTF_8));
        store.apply(null, null);
        store.apply(hash.hex(), "not json".getBytes(StandardCharsets.UTF_8));
        store.apply("channel:alice", "{\"name\": \"bob\", \"createdAt\": \"2026-01-01T00:00:00Z\"}"
                .getBytes(StandardCharsets.UTF_8));
        put(new StateKey.OfKey(hash), key("key_x", other, "alice")); // value names another hash
        assertEquals(0, store.keyCount());
        assertEquals(0, store.channelCount());
    }

    @Test
    void readsRecordsWithFieldsItDoesNotKnow() {
        store.apply("channel:alice", ("{\"schemaVersion\": 2, \"name\": \"alice\", \"createdAt\": "
                + "\"2026-01-01T00:00:00Z\", \"owner\": \"team-a\"}").getBytes(StandardCharsets.UTF_8));
        assertEquals(1, store.channelCount());
    }

    @Test
    void storedRecordHasNoKeyMaterialButTheHash() {
        StreamKey secret = new StreamKey("tsk_this-is-the-secret");
        KeyHash hash = hasher.hash(secret);
        String json = new String(EventJson.write(key("key_e", hash, "alice")), StandardCharsets.UTF_8);
        assertTrue(!json.contains("this-is-the-secret"));
        assertTrue(json.contains(hash.hex()));
    }
}
