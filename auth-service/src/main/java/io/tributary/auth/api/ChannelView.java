package io.tributary.auth.api;

import java.time.Instant;
import java.util.List;

/**
 * A channel as the API shows it.
 *
 * @param name      channel name
 * @param createdAt creation time
 * @param keys      number of keys (of any status)
 * @param live      whether a session is live on it now
 */
public record ChannelView(String name, Instant createdAt, int keys, boolean live) {

    /** {@code GET /v1/channels}. */
    public record Listing(List<ChannelView> channels) {
    }

    /** {@code POST /v1/channels}. */
    public record Create(String name) {
    }
}
