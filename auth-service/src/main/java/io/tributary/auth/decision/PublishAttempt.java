package io.tributary.auth.decision;

import io.tributary.auth.key.IpAddress;
import io.tributary.auth.key.StreamKey;
import java.util.Objects;
import java.util.Optional;

/**
 * A publisher asking to go live, as the ingest reports it: already validated.
 *
 * @param key      the publish name, when it is a stream key
 * @param token    the {@code token} query parameter, when present; it takes precedence over the key
 * @param app      the RTMP application ({@code live}); informational
 * @param clientIp the publisher's address (not the ingest's)
 */
public record PublishAttempt(Optional<StreamKey> key, Optional<String> token, String app, IpAddress clientIp) {
    public PublishAttempt {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(clientIp, "clientIp");
    }
}
