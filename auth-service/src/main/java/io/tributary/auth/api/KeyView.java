package io.tributary.auth.api;

import io.tributary.auth.key.KeyStatus;
import io.tributary.auth.key.KeyUsage;
import io.tributary.auth.key.StreamKeyRecord;
import java.time.Instant;
import java.util.List;

/**
 * A key as every response except its creation shows it: never the secret, never its hash.
 *
 * @param id             key id
 * @param channel        the channel it publishes to
 * @param label          free text, may be null
 * @param status         {@code active}, {@code revoked} or {@code expired}
 * @param createdAt      creation time
 * @param expiresAt      expiry, or null
 * @param revokedAt      revocation time, or null
 * @param lastUsedAt     time of the last allowed publish, or null
 * @param allowedCidrs   allow-list in canonical form; empty: anywhere
 * @param maxBitrateKbps bitrate limit, or null
 */
public record KeyView(String id, String channel, String label, KeyStatus status, Instant createdAt,
                      Instant expiresAt, Instant revokedAt, Instant lastUsedAt, List<String> allowedCidrs,
                      Integer maxBitrateKbps) {

    public static KeyView of(StreamKeyRecord r, KeyUsage usage, Instant now) {
        return new KeyView(r.id(), r.channel(), r.label(), r.statusAt(now), r.createdAt(), r.expiresAt(),
                r.revokedAt(), usage == null ? null : usage.lastUsedAt(), r.allowedCidrs(), r.maxBitrateKbps());
    }

    /** {@code GET /v1/channels/{channel}/keys}. */
    public record Listing(List<KeyView> keys) {
    }
}
