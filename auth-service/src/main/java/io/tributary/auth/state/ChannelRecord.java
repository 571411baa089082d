package io.tributary.auth.state;

import io.tributary.auth.channel.Channel;
import java.time.Instant;

/**
 * The value of a {@code channel:<name>} record on {@code stream-keys}.
 *
 * @param schemaVersion {@link #SCHEMA_VERSION}
 * @param name          the channel name (also in the Kafka key)
 * @param createdAt     creation time
 */
public record ChannelRecord(int schemaVersion, String name, Instant createdAt) {
    public static final int SCHEMA_VERSION = 1;

    public static ChannelRecord of(Channel channel) {
        return new ChannelRecord(SCHEMA_VERSION, channel.name(), channel.createdAt());
    }

    public Channel toChannel() {
        return new Channel(name, createdAt);
    }
}
