package io.tributary.auth.state;

import io.tributary.auth.channel.Channel;
import io.tributary.auth.channel.ChannelName;
import io.tributary.auth.key.KeyHash;
import io.tributary.auth.key.KeyHasher;
import io.tributary.auth.key.KeySettings;
import io.tributary.auth.key.KeyStatus;
import io.tributary.auth.key.KeyUsage;
import io.tributary.auth.key.StreamKey;
import io.tributary.auth.key.StreamKeyGenerator;
import io.tributary.auth.key.StreamKeyRecord;
import io.tributary.auth.live.LiveDirectory;
import io.tributary.auth.live.LiveSession;
import io.tributary.auth.live.LiveSessionCleared;
import io.tributary.auth.live.RevocationPublisher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The write side of channels and keys: checks what a change requires against the {@link KeyStore}, writes it through
 * the {@link KeyLog}, and ends a live session through the {@link RevocationPublisher} when a change takes away the
 * key it runs on.
 *
 * <p>Concurrent admin changes to the same key on two instances are last-writer-wins: each writes a whole key record
 * built from its view. Decisions never rewrite key records (usage is a separate record), so a decision cannot undo a
 * revocation.
 */
public final class KeyRegistry {
    private static final Logger LOG = Logger.getLogger(KeyRegistry.class);
    /** Keys per channel: rotation keeps a few, a team a few more; a thousand would be a leak, not a workflow. */
    public static final int MAX_KEYS_PER_CHANNEL = 100;
    /**
     * The key id of a {@code stream-key-revoked} sent because a channel was deleted while live on a session no key
     * can be attributed to (opened with a token): the event requires one, and no key of ours has this form.
     */
    static final String NO_KEY = "none";

    private final KeyStore store;
    private final KeyLog log;
    private final KeyHasher hasher;
    private final StreamKeyGenerator generator;
    private final LiveDirectory live;
    private final RevocationPublisher revocations;
    private final Clock clock;

    public KeyRegistry(KeyStore store, KeyLog log, KeyHasher hasher, StreamKeyGenerator generator, LiveDirectory live,
                       RevocationPublisher revocations, Clock clock) {
        this.store = store;
        this.log = log;
        this.hasher = hasher;
        this.generator = generator;
        this.live = live;
        this.revocations = revocations;
        this.clock = clock;
    }

    /** A new key: the secret (shown once) and what is stored. */
    public record CreatedKey(StreamKey key, StreamKeyRecord record) {
    }

    public Channel createChannel(String name) {
        ChannelName.require(name);
        if (store.channel(name).isPresent()) {
            throw new RegistryException(RegistryException.Kind.CONFLICT, "channel '" + name + "' already exists");
        }
        Channel channel = new Channel(name, clock.instant());
        log.put(new StateKey.OfChannel(name), ChannelRecord.of(channel));
        LOG.infof("channel created: %s", name);
        return channel;
    }

    /**
     * Deletes the channel and all its keys. Keys go first: if this is interrupted, the channel is still there to
     * delete again, and a channel re-created under the same name never finds an old key.
     */
    public void deleteChannel(String name) {
        requireChannel(name);
        Optional<LiveSession> session = live.session(name, clock.instant());
        List<StreamKeyRecord> keys = store.keysOf(name);
        String runningKey = session.isEmpty() ? null : keys.stream().filter(this::runsLiveSession)
                .map(StreamKeyRecord::id).findFirst().orElse(NO_KEY);
        for (StreamKeyRecord key : keys) {
            log.delete(new StateKey.OfKey(key.hash()));
            log.delete(new StateKey.OfUsage(key.hash()));
        }
        log.delete(new StateKey.OfLiveCleared(name));
        log.delete(new StateKey.OfChannel(name));
        LOG.infof("channel deleted: %s", name);
        session.ifPresent(s -> revocations.publish(name, runningKey, s.sessionId()));
    }

    public CreatedKey createKey(String channel, KeySettings settings) {
        requireChannel(channel);
        if (store.keysOf(channel).size() >= MAX_KEYS_PER_CHANNEL) {
            throw new RegistryException(RegistryException.Kind.CONFLICT,
                    "channel '" + channel + "' already has " + MAX_KEYS_PER_CHANNEL + " keys; delete unused ones");
        }
        StreamKey key = generator.newKey();
        StreamKeyRecord record = newRecord(channel, hasher.hash(key), settings);
        log.put(new StateKey.OfKey(record.hash()), record);
        LOG.infof("key created: channel=%s key=%s", channel, record.id());
        return new CreatedKey(key, record);
    }

    public StreamKeyRecord updateKey(String channel, String id, KeySettings settings) {
        StreamKeyRecord current = requireKey(channel, id);
        StreamKeyRecord updated = current.withSettings(settings.label(), settings.expiresAt(),
                settings.allowedCidrTexts(), settings.maxBitrateKbps());
        log.put(new StateKey.OfKey(updated.hash()), updated);
        LOG.infof("key updated: channel=%s key=%s", channel, id);
        return updated;
    }

    /**
     * Replaces a key by a new one with the same settings. With no grace the old key is revoked at once (ending a live
     * session that runs on it); with a grace period it keeps working until then, so an encoder can be switched over
     * without going off air. The new key is written first, so there is no moment without a working key.
     */
    public CreatedKey rotateKey(String channel, String id, Duration grace) {
        StreamKeyRecord old = requireKey(channel, id);
        Instant now = clock.instant();
        if (old.statusAt(now) == KeyStatus.REVOKED) {
            throw new RegistryException(RegistryException.Kind.CONFLICT, "the key is revoked; create a new one");
        }
        CreatedKey created = createKey(channel, KeySettings.of(old));
        if (grace.isZero()) {
            revoke(old, now);
        } else {
            Instant until = now.plus(grace);
            Instant expiresAt = old.expiresAt() != null && old.expiresAt().isBefore(until) ? old.expiresAt() : until;
            StreamKeyRecord graced = old.withSettings(old.label(), expiresAt, old.allowedCidrs(), old.maxBitrateKbps());
            log.put(new StateKey.OfKey(graced.hash()), graced);
        }
        LOG.infof("key rotated: channel=%s old=%s new=%s grace=%s", channel, id, created.record().id(), grace);
        return created;
    }

    /** Revokes a key (idempotent) and ends the channel's live session if it runs on this key. */
    public StreamKeyRecord revokeKey(String channel, String id) {
        StreamKeyRecord current = requireKey(channel, id);
        if (current.revokedAt() != null) {
            return current;
        }
        return revoke(current, clock.instant());
    }

    /** Deletes a key's record (a tombstone) and ends the channel's live session if it runs on this key. */
    public void deleteKey(String channel, String id) {
        StreamKeyRecord current = requireKey(channel, id);
        boolean kick = runsLiveSession(current);
        log.delete(new StateKey.OfKey(current.hash()));
        log.delete(new StateKey.OfUsage(current.hash()));
        LOG.infof("key deleted: channel=%s key=%s", channel, id);
        if (kick) {
            endLiveSession(current);
        }
    }

    /**
     * Makes sure {@code channel} exists with a key of this secret's hash, for the local stack's demo key: idempotent
     * across restarts, and it only ever stores the hash. A demo key that an admin revoked stays revoked.
     */
    public void ensureKey(String channel, StreamKey key, String label) {
        KeyHash hash = hasher.hash(key);
        if (store.channel(channel).isEmpty()) {
            createChannel(channel);
        }
        Optional<StreamKeyRecord> existing = store.keyByHash(hash);
        if (existing.isPresent()) {
            StreamKeyRecord record = existing.get();
            if (!record.channel().equals(channel)) {
                LOG.warnf("the configured demo key belongs to channel %s, not %s; left as it is",
                        record.channel(), channel);
            } else if (record.statusAt(clock.instant()) != KeyStatus.ACTIVE) {
                LOG.warnf("the demo key %s of channel %s is %s; left as it is", record.id(), channel,
                        record.statusAt(clock.instant()).wireName());
            }
            return;
        }
        StreamKeyRecord record = newRecord(channel, hash, new KeySettings(label, null, List.of(), null));
        log.put(new StateKey.OfKey(hash), record);
        LOG.infof("demo key registered: channel=%s key=%s", channel, record.id());
    }

    /**
     * Declares the channel's live session over, for a session whose ingest died without {@code stream-stopped}. It
     * ends nothing that is still running: the ingest's own kick does that.
     */
    public void clearLiveSession(String channel) {
        LiveSession session = live.session(channel, clock.instant()).orElseThrow(
                () -> new RegistryException(RegistryException.Kind.NOT_FOUND, "the channel is not live"));
        log.put(new StateKey.OfLiveCleared(channel), new LiveSessionCleared(LiveSessionCleared.SCHEMA_VERSION,
                channel, session.sessionId(), clock.instant()));
        LOG.infof("live session cleared: channel=%s session=%s", channel, session.sessionId());
    }

    /** Records an allowed publish; not waited for, a decision must not wait for Kafka. */
    public void recordUse(String channel, String keyId, String sessionId) {
        store.key(channel, keyId).ifPresent(record -> log.putEventually(new StateKey.OfUsage(record.hash()),
                new KeyUsage(KeyUsage.SCHEMA_VERSION, clock.instant(), sessionId)));
    }

    private StreamKeyRecord revoke(StreamKeyRecord current, Instant now) {
        boolean kick = runsLiveSession(current);
        StreamKeyRecord revoked = current.withRevokedAt(now);
        log.put(new StateKey.OfKey(revoked.hash()), revoked);
        LOG.infof("key revoked: channel=%s key=%s", current.channel(), current.id());
        if (kick) {
            endLiveSession(current);
        }
        return revoked;
    }

    /**
     * Whether the channel's live session runs on this key: the session id the key's last allow handed out is the
     * live one. A live session no key of the channel can be attributed to (a token, or an ingest that chose its own
     * session id) is ended too: when in doubt, a revocation must take effect.
     */
    private boolean runsLiveSession(StreamKeyRecord key) {
        Optional<LiveSession> session = live.session(key.channel(), clock.instant());
        if (session.isEmpty()) {
            return false;
        }
        String sessionId = session.get().sessionId();
        for (StreamKeyRecord candidate : store.keysOf(key.channel())) {
            Optional<KeyUsage> usage = store.usage(candidate.hash());
            if (usage.isPresent() && sessionId.equals(usage.get().lastSessionId())) {
                return candidate.id().equals(key.id());
            }
        }
        return true;
    }

    private void endLiveSession(StreamKeyRecord key) {
        live.session(key.channel(), clock.instant())
                .ifPresent(s -> revocations.publish(key.channel(), key.id(), s.sessionId()));
    }

    private StreamKeyRecord newRecord(String channel, KeyHash hash, KeySettings settings) {
        return new StreamKeyRecord(StreamKeyRecord.SCHEMA_VERSION, generator.newId(), hash.hex(), channel,
                settings.label(), clock.instant(), settings.expiresAt(), null, settings.allowedCidrTexts(),
                settings.maxBitrateKbps());
    }

    private void requireChannel(String name) {
        if (!ChannelName.isValid(name) || store.channel(name).isEmpty()) {
            throw new RegistryException(RegistryException.Kind.NOT_FOUND, "no such channel");
        }
    }

    private StreamKeyRecord requireKey(String channel, String id) {
        requireChannel(channel);
        // Identifiers from the path are not echoed: a confused client may put a secret there.
        return store.key(channel, id).orElseThrow(() -> new RegistryException(RegistryException.Kind.NOT_FOUND,
                "no such key on this channel"));
    }
}
