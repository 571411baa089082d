package io.tributary.media.event;

import java.time.Instant;
import java.util.Objects;

/**
 * A broadcast ended; written exactly once per session. Topic {@link Topics#STREAM_STOPPED}, key = channel.
 *
 * @param reason         null only when a newer producer sent a reason this reader does not know
 * @param durationMillis media duration of the session
 * @param bytes          bytes of media ingested
 * @param gopCount       GOP records written for the session
 */
public record StreamStopped(int schemaVersion, String sessionId, String channel, Instant stoppedAt, StopReason reason,
                            long durationMillis, long bytes, long gopCount) {

    public static final int SCHEMA_VERSION = 1;

    public StreamStopped {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(stoppedAt, "stoppedAt");
    }

    public static StreamStopped of(String sessionId, String channel, Instant stoppedAt, StopReason reason,
                                   long durationMillis, long bytes, long gopCount) {
        return new StreamStopped(SCHEMA_VERSION, sessionId, channel, stoppedAt, reason, durationMillis, bytes,
                gopCount);
    }
}
