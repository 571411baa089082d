package io.tributary.auth.key;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What is stored about one stream key: the value of its record on the compacted {@code stream-keys} topic, whose
 * Kafka key is {@link #keyHash()}. Never the key itself.
 *
 * @param schemaVersion  {@link #SCHEMA_VERSION}
 * @param id             public id ({@code key_...}), unrelated to the secret
 * @param keyHash        SHA-256 of the key, 64 lowercase hex digits
 * @param channel        the channel the key publishes to
 * @param label          free text for humans ("OBS at home"), may be null
 * @param createdAt      creation time
 * @param expiresAt      the key stops working at this instant; null: never
 * @param revokedAt      the key was revoked at this instant; null: not revoked
 * @param allowedCidrs   canonical CIDR ranges a publisher must connect from; empty: anywhere
 * @param maxBitrateKbps the publish bitrate ingest enforces for this key; null: no limit
 */
public record StreamKeyRecord(int schemaVersion, String id, String keyHash, String channel, String label,
                              Instant createdAt, Instant expiresAt, Instant revokedAt, List<String> allowedCidrs,
                              Integer maxBitrateKbps) {

    public static final int SCHEMA_VERSION = 1;

    public StreamKeyRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(keyHash, "keyHash");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(createdAt, "createdAt");
        allowedCidrs = allowedCidrs == null ? List.of() : List.copyOf(allowedCidrs);
    }

    @JsonIgnore
    public KeyHash hash() {
        return KeyHash.fromHex(keyHash);
    }

    /** The parsed allow-list; the stored strings were validated when written. */
    @JsonIgnore
    public List<CidrRange> allowedRanges() {
        return allowedCidrs.stream().map(CidrRange::parse).toList();
    }

    /** Whether a publisher at {@code address} may use this key. */
    public boolean allows(IpAddress address) {
        if (allowedCidrs.isEmpty()) {
            return true;
        }
        for (CidrRange range : allowedRanges()) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }

    public KeyStatus statusAt(Instant now) {
        if (revokedAt != null && !revokedAt.isAfter(now)) {
            return KeyStatus.REVOKED;
        }
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            return KeyStatus.EXPIRED;
        }
        return KeyStatus.ACTIVE;
    }

    public StreamKeyRecord withRevokedAt(Instant at) {
        return new StreamKeyRecord(schemaVersion, id, keyHash, channel, label, createdAt, expiresAt, at,
                allowedCidrs, maxBitrateKbps);
    }

    public StreamKeyRecord withSettings(String newLabel, Instant newExpiresAt, List<String> newAllowedCidrs,
                                        Integer newMaxBitrateKbps) {
        return new StreamKeyRecord(schemaVersion, id, keyHash, channel, newLabel, createdAt, newExpiresAt, revokedAt,
                newAllowedCidrs, newMaxBitrateKbps);
    }
}
