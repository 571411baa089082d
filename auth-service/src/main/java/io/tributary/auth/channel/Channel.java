package io.tributary.auth.channel;

import java.time.Instant;
import java.util.Objects;

/**
 * A channel: the public name stream keys map to, used in playback URLs and as the Kafka key of stream events.
 *
 * @param name      see {@link ChannelName}
 * @param createdAt when it was created
 */
public record Channel(String name, Instant createdAt) {
    public Channel {
        ChannelName.require(name);
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
