package io.tributary.auth.api;

import io.tributary.auth.key.StreamKey;
import io.tributary.auth.key.StreamKeyRecord;
import java.time.Instant;
import java.util.List;

/**
 * The one response that carries a stream key: creation and rotation. The key cannot be retrieved again.
 *
 * @param id             key id
 * @param channel        the channel it publishes to
 * @param key            the secret, shown this once
 * @param label          free text, may be null
 * @param createdAt      creation time
 * @param expiresAt      expiry, or null
 * @param allowedCidrs   allow-list; empty: anywhere
 * @param maxBitrateKbps bitrate limit, or null
 * @param replaces       on rotation, the id of the key this one replaces
 */
public record CreatedKeyView(String id, String channel, String key, String label, Instant createdAt,
                             Instant expiresAt, List<String> allowedCidrs, Integer maxBitrateKbps, String replaces) {

    public static CreatedKeyView of(StreamKey key, StreamKeyRecord r, String replaces) {
        return new CreatedKeyView(r.id(), r.channel(), key.value(), r.label(), r.createdAt(), r.expiresAt(),
                r.allowedCidrs(), r.maxBitrateKbps(), replaces);
    }
}
