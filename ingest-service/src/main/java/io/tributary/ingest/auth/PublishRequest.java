package io.tributary.ingest.auth;

import io.tributary.ingest.rtmp.command.StreamKey;
import java.util.Objects;

/**
 * What auth-service is asked about one publish ({@code POST /v1/publish-decisions}): the stream key, the RTMP
 * application, the query that may carry a signed token instead of a key, and the publisher's address.
 * {@link #toString()} shows neither the key nor the query.
 *
 * @param query    the publish name's query, or the app's when the publish name has none (Larix puts credentials in
 *                 the server URL), without '?'; empty for none
 * @param clientIp the publisher's IP address as a literal, no port
 */
public record PublishRequest(StreamKey key, String app, String query, String clientIp) {

    public PublishRequest {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(clientIp, "clientIp");
    }

    @Override
    public String toString() {
        return "PublishRequest[key=" + key + ", app=" + app + ", query=" + (query.isEmpty() ? "none" : "redacted")
                + ", clientIp=" + clientIp + "]";
    }
}
