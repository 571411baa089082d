package io.tributary.ingest.auth;

import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;

/** auth-service's answer to a publish, or the ingest's own refusal when auth cannot be asked (fail closed). */
public sealed interface PublishDecision {

    /** auth-service said no: a wrong, revoked or expired key, a forbidden address, a live channel, a flood. */
    String UNKNOWN_KEY = "unknown-key";
    String REVOKED = "revoked";
    String EXPIRED = "expired";
    String IP_NOT_ALLOWED = "ip-not-allowed";
    String CHANNEL_LIVE = "channel-live";
    String RATE_LIMITED = "rate-limited";
    /** Ours: auth-service did not answer in time, answered an error, or answered something we cannot use. */
    String AUTH_UNAVAILABLE = "auth-unavailable";
    /** Ours, for a reason auth-service may add later: refused all the same, counted apart. */
    String OTHER = "other";

    /** The reasons a metric label may take: a closed set, whatever auth-service sends. */
    Set<String> REASONS = Set.of(UNKNOWN_KEY, REVOKED, EXPIRED, IP_NOT_ALLOWED, CHANNEL_LIVE, RATE_LIMITED,
            AUTH_UNAVAILABLE, OTHER);

    /**
     * The publisher may go live.
     *
     * @param channel        the public channel name the key maps to (checked against the object-key alphabet)
     * @param sessionId      the broadcast's id, made by auth-service
     * @param maxBitrateKbps the key's bitrate cap, empty when auth-service sets none
     */
    record Allowed(String channel, String sessionId, OptionalInt maxBitrateKbps) implements PublishDecision {
        public Allowed {
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(sessionId, "sessionId");
            Objects.requireNonNull(maxBitrateKbps, "maxBitrateKbps");
        }
    }

    /** The publisher is refused; {@code reason} is one of {@link #REASONS}, shown to the encoder and counted. */
    record Denied(String reason) implements PublishDecision {
        public Denied {
            Objects.requireNonNull(reason, "reason");
            if (!REASONS.contains(reason)) {
                throw new IllegalArgumentException("not a deny reason: " + reason);
            }
        }

        /** The reason auth-service sent, mapped into {@link #REASONS}. */
        public static Denied of(String wireReason) {
            return new Denied(wireReason != null && REASONS.contains(wireReason) ? wireReason : OTHER);
        }
    }
}
