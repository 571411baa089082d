package io.tributary.media.event;

import java.time.Instant;
import java.util.Objects;

/**
 * A session's archive MP4 is complete. Topic {@link Topics#ARCHIVE_READY}, key = channel.
 *
 * @param key              the archive's object key
 * @param bytes            size of the archive
 * @param durationMillis   media duration of the archive
 * @param ingestedBytes    media bytes the session brought in
 * @param compressionRatio bytes / ingestedBytes
 * @param ssim             SSIM of a sample against the source, or null when not computed
 */
public record ArchiveReady(int schemaVersion, String sessionId, String channel, String key, long bytes,
                           long durationMillis, long ingestedBytes, double compressionRatio, Double ssim,
                           Instant readyAt) {

    public static final int SCHEMA_VERSION = 1;

    public ArchiveReady {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(key, "key");
    }

    public static ArchiveReady of(String sessionId, String channel, String key, long bytes, long durationMillis,
                                  long ingestedBytes, double compressionRatio, Double ssim, Instant readyAt) {
        return new ArchiveReady(SCHEMA_VERSION, sessionId, channel, key, bytes, durationMillis, ingestedBytes,
                compressionRatio, ssim, readyAt);
    }
}
