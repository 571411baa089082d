package io.tributary.auth.live;

import io.tributary.media.event.StreamStarted;
import java.time.Instant;
import java.util.Objects;

/**
 * A session the live directory believes is on air.
 *
 * @param channel   the channel
 * @param sessionId the session
 * @param since     when it started
 * @param started   the event that announced it, with codecs, ingest node and playback URLs
 */
public record LiveSession(String channel, String sessionId, Instant since, StreamStarted started) {
    public LiveSession {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(since, "since");
    }
}
