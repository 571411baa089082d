package io.tributary.ingest.kafka;

import java.util.Objects;

/**
 * Who a session's records and events are about: the public channel (the Kafka key), the session id auth-service
 * gave the broadcast, and the RTMP application it was published to. No stream key: none ever reaches Kafka.
 */
public record SessionIdentity(String channel, String sessionId, String app) {

    public SessionIdentity {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(app, "app");
    }
}
