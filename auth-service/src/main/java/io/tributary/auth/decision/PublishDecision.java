package io.tributary.auth.decision;

import java.util.Objects;

/** The answer to a {@link PublishAttempt}. */
public sealed interface PublishDecision {

    /**
     * Go live.
     *
     * @param channel        the channel the credentials map to
     * @param sessionId      a new UUIDv7 for the session
     * @param keyId          id of the key used; null when a token was used
     * @param maxBitrateKbps the key's bitrate limit; null: none
     */
    record Allowed(String channel, String sessionId, String keyId, Integer maxBitrateKbps) implements PublishDecision {
        public Allowed {
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(sessionId, "sessionId");
        }
    }

    /** Refused, with the reason the ingest passes on to the encoder. */
    record Denied(DenyReason reason) implements PublishDecision {
        public Denied {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The outcome label used in metrics and logs: {@code allowed} or the deny reason. */
    default String outcome() {
        return this instanceof Denied denied ? denied.reason().wireName() : "allowed";
    }
}
