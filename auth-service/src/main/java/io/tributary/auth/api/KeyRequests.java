package io.tributary.auth.api;

import io.tributary.auth.key.CidrRange;
import io.tributary.auth.key.KeySettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Bodies of the key endpoints, and their validation into {@link KeySettings}. */
public final class KeyRequests {
    /** Longest rotation grace: a week to move every encoder to the new key. */
    public static final long MAX_GRACE_SECONDS = 7 * 24 * 3600;

    private KeyRequests() {
    }

    /**
     * {@code POST /v1/channels/{channel}/keys}; every field is optional.
     *
     * @param label          free text, at most 100 characters
     * @param expiresAt      ISO-8601 instant in the future
     * @param allowedCidrs   IPv4/IPv6 CIDR ranges or single addresses, at most 64
     * @param maxBitrateKbps 1 to 1,000,000
     */
    public record Create(String label, Instant expiresAt, List<String> allowedCidrs, Integer maxBitrateKbps) {

        KeySettings toSettings(Instant now) {
            return new KeySettings(label, future(expiresAt, now), cidrs(allowedCidrs), maxBitrateKbps);
        }
    }

    /**
     * {@code POST /v1/channels/{channel}/keys/{id}/rotate}.
     *
     * @param graceSeconds how long the old key keeps working, 0 (default: revoked at once) to a week
     */
    public record Rotate(Long graceSeconds) {
        long grace() {
            long g = graceSeconds == null ? 0 : graceSeconds;
            if (g < 0 || g > MAX_GRACE_SECONDS) {
                throw ApiException.invalid("graceSeconds must be between 0 and " + MAX_GRACE_SECONDS);
            }
            return g;
        }
    }

    static Instant future(Instant expiresAt, Instant now) {
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw ApiException.invalid("expiresAt must be in the future");
        }
        return expiresAt;
    }

    static List<CidrRange> cidrs(List<String> texts) {
        if (texts == null) {
            return List.of();
        }
        if (texts.size() > KeySettings.MAX_CIDRS) {
            throw ApiException.invalid("allowedCidrs has more than " + KeySettings.MAX_CIDRS + " entries");
        }
        List<CidrRange> ranges = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            try {
                ranges.add(CidrRange.parse(texts.get(i)));
            } catch (IllegalArgumentException e) {
                throw ApiException.invalid("allowedCidrs[" + i + "]: " + e.getMessage());
            }
        }
        return ranges;
    }
}
