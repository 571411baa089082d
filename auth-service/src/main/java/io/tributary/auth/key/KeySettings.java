package io.tributary.auth.key;

import java.time.Instant;
import java.util.List;

/**
 * The settings of a key an admin chooses, validated.
 *
 * @param label          free text for humans, at most {@value #MAX_LABEL_LENGTH} characters, or null
 * @param expiresAt      when the key stops working, or null for never
 * @param allowedCidrs   where a publisher may connect from; empty for anywhere
 * @param maxBitrateKbps bitrate limit passed to ingest, or null
 */
public record KeySettings(String label, Instant expiresAt, List<CidrRange> allowedCidrs, Integer maxBitrateKbps) {
    public static final int MAX_LABEL_LENGTH = 100;
    /** An allow-list is a handful of office or venue ranges; hundreds would be a mistake, not a policy. */
    public static final int MAX_CIDRS = 64;
    /** 1 Gbit/s: above any contribution encoder (a 4K60 HEVC mezzanine feed is under 100 Mbit/s). */
    public static final int MAX_BITRATE_KBPS = 1_000_000;

    public KeySettings {
        allowedCidrs = allowedCidrs == null ? List.of() : List.copyOf(allowedCidrs.stream().distinct().toList());
        if (label != null) {
            if (label.length() > MAX_LABEL_LENGTH) {
                throw new IllegalArgumentException("label is longer than " + MAX_LABEL_LENGTH + " characters");
            }
            if (label.chars().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException("label contains control characters");
            }
        }
        if (allowedCidrs.size() > MAX_CIDRS) {
            throw new IllegalArgumentException("allowedCidrs has more than " + MAX_CIDRS + " entries");
        }
        if (maxBitrateKbps != null && (maxBitrateKbps < 1 || maxBitrateKbps > MAX_BITRATE_KBPS)) {
            throw new IllegalArgumentException("maxBitrateKbps must be between 1 and " + MAX_BITRATE_KBPS);
        }
    }

    public static KeySettings none() {
        return new KeySettings(null, null, List.of(), null);
    }

    /** The allow-list in canonical text, as stored. */
    public List<String> allowedCidrTexts() {
        return allowedCidrs.stream().map(CidrRange::toString).toList();
    }

    public static KeySettings of(StreamKeyRecord record) {
        return new KeySettings(record.label(), record.expiresAt(), record.allowedRanges(), record.maxBitrateKbps());
    }

    public KeySettings withExpiresAt(Instant at) {
        return new KeySettings(label, at, allowedCidrs, maxBitrateKbps);
    }
}
