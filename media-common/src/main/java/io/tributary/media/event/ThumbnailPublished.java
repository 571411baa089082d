package io.tributary.media.event;

import java.time.Instant;
import java.util.Objects;

/**
 * A thumbnail is stored. Topic {@link Topics#THUMBNAIL_PUBLISHED}, key = channel.
 *
 * @param minute          the minute of media time the picture stands for (0 for the first keyframe)
 * @param key             the immutable per-minute object key
 * @param latestKey       the channel's {@code latest.jpg} key, updated with the same picture
 * @param bytes           size of the JPEG
 * @param mediaTimeMillis the session's media time of the keyframe pictured
 */
public record ThumbnailPublished(int schemaVersion, String sessionId, String channel, long minute, String key,
                                 String latestKey, int width, int height, long bytes, long mediaTimeMillis,
                                 Instant publishedAt) {

    public static final int SCHEMA_VERSION = 1;

    public ThumbnailPublished {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(key, "key");
    }

    public static ThumbnailPublished of(String sessionId, String channel, long minute, String key, String latestKey,
                                        int width, int height, long bytes, long mediaTimeMillis, Instant publishedAt) {
        return new ThumbnailPublished(SCHEMA_VERSION, sessionId, channel, minute, key, latestKey, width, height, bytes,
                mediaTimeMillis, publishedAt);
    }
}
