package io.tributary.media.event;

import java.time.Instant;
import java.util.Objects;

/**
 * A stream key was revoked; the ingest ends the channel's live session if that key opened it. Topic
 * {@link Topics#STREAM_KEY_REVOKED}, key = channel. Never carries the key itself, only its id.
 *
 * @param keyId     the key's public id (as the key list shows it)
 * @param sessionId the live session the key published, or null when the channel was not live on it
 */
public record StreamKeyRevoked(int schemaVersion, String channel, String keyId, Instant revokedAt, String sessionId) {

    public static final int SCHEMA_VERSION = 1;

    public StreamKeyRevoked {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(keyId, "keyId");
    }

    public static StreamKeyRevoked of(String channel, String keyId, Instant revokedAt, String sessionId) {
        return new StreamKeyRevoked(SCHEMA_VERSION, channel, keyId, revokedAt, sessionId);
    }
}
