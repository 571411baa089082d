package io.tributary.media.event;

import java.time.Instant;
import java.util.Objects;

/**
 * A media segment is stored and the manifests naming it are updated. Topic {@link Topics#SEGMENT_PUBLISHED},
 * key = channel.
 *
 * @param rendition        {@code source}, {@code 720p}, {@code audio}…
 * @param sequence         the segment's number in the session (one segment per GOP record: the GOP's sequence)
 * @param key              the segment's object key
 * @param mediaStartMillis the session's media time of the segment's start
 * @param latencyMillis    from the GOP's close at ingest to the manifest update
 */
public record SegmentPublished(int schemaVersion, String sessionId, String channel, String rendition, long sequence,
                               String key, long bytes, long mediaStartMillis, long durationMillis, Instant publishedAt,
                               long latencyMillis) {

    public static final int SCHEMA_VERSION = 1;

    public SegmentPublished {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(key, "key");
    }

    public static SegmentPublished of(String sessionId, String channel, String rendition, long sequence, String key,
                                      long bytes, long mediaStartMillis, long durationMillis, Instant publishedAt,
                                      long latencyMillis) {
        return new SegmentPublished(SCHEMA_VERSION, sessionId, channel, rendition, sequence, key, bytes,
                mediaStartMillis, durationMillis, publishedAt, latencyMillis);
    }
}
