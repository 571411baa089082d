package io.tributary.auth.state;

import io.tributary.auth.channel.ChannelName;
import io.tributary.auth.key.KeyHash;
import java.util.Optional;

/**
 * The Kafka key of a record on the compacted {@code stream-keys} topic. Three kinds share the topic, so that one
 * ordered, compacted log holds all of auth-service's state and one reader rebuilds it:
 * <pre>
 * &lt;64 hex digits&gt;        a stream key: {@link io.tributary.auth.key.StreamKeyRecord}, keyed by the key's SHA-256
 * channel:&lt;name&gt;        a channel: {@link ChannelRecord}
 * used:&lt;64 hex digits&gt;   when the key of that hash was last allowed: {@link io.tributary.auth.key.KeyUsage}
 * live-cleared:&lt;channel&gt; a live session an operator declared over: {@link io.tributary.auth.live.LiveSessionCleared}
 * </pre>
 * A null value (tombstone) deletes the entry; compaction keeps only the latest value per key.
 */
public sealed interface StateKey {
    String CHANNEL_PREFIX = "channel:";
    String USAGE_PREFIX = "used:";
    String LIVE_CLEARED_PREFIX = "live-cleared:";

    /** The Kafka key text. */
    String text();

    record OfKey(KeyHash hash) implements StateKey {
        @Override
        public String text() {
            return hash.hex();
        }
    }

    record OfChannel(String name) implements StateKey {
        @Override
        public String text() {
            return CHANNEL_PREFIX + name;
        }
    }

    record OfUsage(KeyHash hash) implements StateKey {
        @Override
        public String text() {
            return USAGE_PREFIX + hash.hex();
        }
    }

    record OfLiveCleared(String channel) implements StateKey {
        @Override
        public String text() {
            return LIVE_CLEARED_PREFIX + channel;
        }
    }

    /** Empty for a key this version does not know (a newer writer's record kind): it is skipped, not fatal. */
    public static Optional<StateKey> parse(String text) {
        try {
            if (text.startsWith(CHANNEL_PREFIX)) {
                String name = text.substring(CHANNEL_PREFIX.length());
                return ChannelName.isValid(name) ? Optional.of(new OfChannel(name)) : Optional.empty();
            }
            if (text.startsWith(LIVE_CLEARED_PREFIX)) {
                String name = text.substring(LIVE_CLEARED_PREFIX.length());
                return ChannelName.isValid(name) ? Optional.of(new OfLiveCleared(name)) : Optional.empty();
            }
            if (text.startsWith(USAGE_PREFIX)) {
                return Optional.of(new OfUsage(KeyHash.fromHex(text.substring(USAGE_PREFIX.length()))));
            }
            return Optional.of(new OfKey(KeyHash.fromHex(text)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
