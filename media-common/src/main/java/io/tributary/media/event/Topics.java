package io.tributary.media.event;

import java.util.List;

/**
 * Kafka topic names of the contract, in one place. Every record on each of them is keyed by channel
 * (except {@link #STREAM_KEYS}, keyed by key hash), so one channel's records stay in order on one partition.
 */
public final class Topics {
    /** JSON {@link StreamStarted}, written by ingest when the first GOP of a session is sent. */
    public static final String STREAM_STARTED = "stream-started";
    /** JSON {@link StreamStopped}, written by ingest exactly once per session. */
    public static final String STREAM_STOPPED = "stream-stopped";
    /** One GOP record per Kafka record: a self-contained FLV fragment plus headers. */
    public static final String STREAM_GOPS = "stream-gops";
    /** JSON {@link SegmentPublished}, written by transcode-service. */
    public static final String SEGMENT_PUBLISHED = "segment-published";
    /** JSON {@link ThumbnailPublished}, written by thumbnail-service. */
    public static final String THUMBNAIL_PUBLISHED = "thumbnail-published";
    /** JSON {@link ArchiveReady}, written by archive-service. */
    public static final String ARCHIVE_READY = "archive-ready";
    /** Compacted: key hash to key record, tombstone on delete. auth-service only. */
    public static final String STREAM_KEYS = "stream-keys";
    /** JSON {@link StreamKeyRevoked}, written by auth-service, read by ingest to kick the live publisher. */
    public static final String STREAM_KEY_REVOKED = "stream-key-revoked";

    public static final List<String> ALL = List.of(STREAM_STARTED, STREAM_STOPPED, STREAM_GOPS, SEGMENT_PUBLISHED,
            THUMBNAIL_PUBLISHED, ARCHIVE_READY, STREAM_KEYS, STREAM_KEY_REVOKED);

    private Topics() {
    }
}
