package io.tributary.auth.live;

import java.time.Instant;
import java.util.Objects;

/**
 * An operator declared a live session over ({@code DELETE /v1/live/{channel}}): the session the directory shows never
 * got its {@code stream-stopped} (its ingest crashed), and it keeps the channel from publishing. Stored on
 * {@code stream-keys} under {@code live-cleared:<channel>}, so every instance, now and after a restart, treats the
 * session as stopped.
 *
 * @param schemaVersion {@link #SCHEMA_VERSION}
 * @param channel       the channel
 * @param sessionId     the session declared over
 * @param clearedAt     when
 */
public record LiveSessionCleared(int schemaVersion, String channel, String sessionId, Instant clearedAt) {
    public static final int SCHEMA_VERSION = 1;

    public LiveSessionCleared {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(sessionId, "sessionId");
    }
}
