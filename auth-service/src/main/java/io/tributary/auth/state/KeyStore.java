package io.tributary.auth.state;

import io.tributary.auth.channel.Channel;
import io.tributary.auth.key.KeyHash;
import io.tributary.auth.key.KeyUsage;
import io.tributary.auth.key.StreamKeyRecord;
import io.tributary.auth.live.LiveSessionCleared;
import io.tributary.media.event.EventJson;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * The materialised view of {@code stream-keys}: channels, key records by hash and by id, key usage. Exactly one
 * thread applies records (the {@link io.tributary.auth.kafka.TopicFollower} of the topic); any thread reads. Each
 * map entry is an immutable record, so a reader sees every entry either before or after an update, never half of
 * it; the indexes may lag one another by the record being applied, which readers tolerate (a key whose channel is
 * not there yet is treated as unknown).
 *
 * <p>Every instance applies the same records in the same per-partition order, so every instance converges to the
 * same view; a restart re-reads the topic from the beginning and rebuilds it.
 */
public final class KeyStore {
    private static final Logger LOG = Logger.getLogger(KeyStore.class);

    private final Map<String, Channel> channels = new ConcurrentHashMap<>();
    private final Map<KeyHash, StreamKeyRecord> keysByHash = new ConcurrentHashMap<>();
    private final Map<String, KeyHash> hashById = new ConcurrentHashMap<>();
    private final Map<String, Set<KeyHash>> hashesByChannel = new ConcurrentHashMap<>();
    private final Map<KeyHash, KeyUsage> usage = new ConcurrentHashMap<>();
    private final Consumer<LiveSessionCleared> liveCleared;

    /** A view without a live directory to tell (tests of keys alone). */
    public KeyStore() {
        this(cleared -> { });
    }

    /**
     * @param liveCleared receives the {@code live-cleared:<channel>} records, which belong to the live directory but
     *                    travel on this topic because they are auth-service's own state
     */
    public KeyStore(Consumer<LiveSessionCleared> liveCleared) {
        this.liveCleared = liveCleared;
    }

    /**
     * Applies one record of the topic. A record this version cannot read is skipped with a log line (naming its
     * kind, never its content): one bad record must not stop the service from serving all the others.
     *
     * @param kafkaKey the record key as text
     * @param value    the value, null for a tombstone
     */
    public void apply(String kafkaKey, byte[] value) {
        Optional<StateKey> parsed = kafkaKey == null ? Optional.empty() : StateKey.parse(kafkaKey);
        if (parsed.isEmpty()) {
            LOG.warnf("skipping a stream-keys record with an unrecognised key (%d characters)",
                    kafkaKey == null ? 0 : kafkaKey.length());
            return;
        }
        try {
            StateKey key = parsed.get();
            if (key instanceof StateKey.OfChannel c) {
                applyChannel(c.name(), value);
            } else if (key instanceof StateKey.OfKey k) {
                applyKey(k.hash(), value);
            } else if (key instanceof StateKey.OfUsage u) {
                applyUsage(u.hash(), value);
            } else if (key instanceof StateKey.OfLiveCleared c && value != null) {
                LiveSessionCleared cleared = EventJson.read(value, LiveSessionCleared.class);
                if (!cleared.channel().equals(c.channel())) {
                    throw new IllegalArgumentException("live-cleared record under another channel's key");
                }
                liveCleared.accept(cleared);
            }
        } catch (RuntimeException e) {
            LOG.warnf("skipping an unreadable stream-keys record (%s)", e.getClass().getSimpleName());
        }
    }

    private void applyChannel(String name, byte[] value) {
        if (value == null) {
            channels.remove(name);
            return;
        }
        Channel channel = EventJson.read(value, ChannelRecord.class).toChannel();
        if (!channel.name().equals(name)) {
            throw new IllegalArgumentException("channel record under another channel's key");
        }
        channels.put(name, channel);
    }

    private void applyKey(KeyHash hash, byte[] value) {
        if (value == null) {
            StreamKeyRecord removed = keysByHash.remove(hash);
            if (removed != null) {
                unindex(removed, hash);
            }
            return;
        }
        StreamKeyRecord record = EventJson.read(value, StreamKeyRecord.class);
        if (!record.hash().matches(hash)) {
            throw new IllegalArgumentException("key record under another key's hash");
        }
        StreamKeyRecord replaced = keysByHash.put(hash, record);
        if (replaced != null && (!replaced.id().equals(record.id()) || !replaced.channel().equals(record.channel()))) {
            unindex(replaced, hash);
        }
        hashById.put(record.id(), hash);
        hashesByChannel.computeIfAbsent(record.channel(), c -> ConcurrentHashMap.newKeySet()).add(hash);
    }

    private void unindex(StreamKeyRecord record, KeyHash hash) {
        hashById.remove(record.id(), hash);
        Set<KeyHash> ofChannel = hashesByChannel.get(record.channel());
        if (ofChannel != null) {
            ofChannel.remove(hash);
            if (ofChannel.isEmpty()) {
                hashesByChannel.remove(record.channel(), ofChannel);
            }
        }
    }

    private void applyUsage(KeyHash hash, byte[] value) {
        if (value == null) {
            usage.remove(hash);
        } else {
            usage.put(hash, EventJson.read(value, KeyUsage.class));
        }
    }

    public Optional<Channel> channel(String name) {
        return Optional.ofNullable(channels.get(name));
    }

    /** All channels, sorted by name. */
    public List<Channel> channels() {
        return channels.values().stream().sorted(Comparator.comparing(Channel::name)).toList();
    }

    /** The record stored under this hash. The map lookup is by hash; callers need no further comparison. */
    public Optional<StreamKeyRecord> keyByHash(KeyHash hash) {
        return Optional.ofNullable(keysByHash.get(hash));
    }

    /** The key with this id on this channel (an id of another channel is not found). */
    public Optional<StreamKeyRecord> key(String channel, String id) {
        KeyHash hash = hashById.get(id);
        StreamKeyRecord record = hash == null ? null : keysByHash.get(hash);
        return record != null && record.channel().equals(channel) ? Optional.of(record) : Optional.empty();
    }

    /** The channel's keys, oldest first. */
    public List<StreamKeyRecord> keysOf(String channel) {
        Set<KeyHash> hashes = hashesByChannel.getOrDefault(channel, Set.of());
        return hashes.stream().map(keysByHash::get).filter(r -> r != null && r.channel().equals(channel))
                .sorted(Comparator.comparing(StreamKeyRecord::createdAt).thenComparing(StreamKeyRecord::id)).toList();
    }

    public Optional<KeyUsage> usage(KeyHash hash) {
        return Optional.ofNullable(usage.get(hash));
    }

    public int channelCount() {
        return channels.size();
    }

    public int keyCount() {
        return keysByHash.size();
    }
}
