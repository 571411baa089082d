package io.tributary.transcode.store;

import io.tributary.storage.StoredObject;
import java.nio.charset.StandardCharsets;

/**
 * The objects transcode-service writes, with the Content-Type players expect and the cache lifetime each needs:
 * segments and init segments never change (long, immutable), manifests change with every GOP (a second), and the
 * private state object is never cached.
 */
public final class OutputObjects {
    /** RFC 8216 §4: the playlist media type. */
    public static final String M3U8 = "application/vnd.apple.mpegurl";
    /** ISO/IEC 23009-1 Annex C: the MPD media type. */
    public static final String MPD = "application/dash+xml";
    /** An init segment is a (sample-less) MP4 file. */
    public static final String INIT = "video/mp4";
    /** RFC 8216 §3.3 and ISO/IEC 23009-1: a media segment of fragmented MP4. */
    public static final String SEGMENT = "video/iso.segment";

    private OutputObjects() {
    }

    public static StoredObject segment(String key, byte[] bytes) {
        return StoredObject.immutable(key, bytes, SEGMENT);
    }

    public static StoredObject init(String key, byte[] bytes) {
        return StoredObject.immutable(key, bytes, INIT);
    }

    public static StoredObject playlist(String key, String text) {
        return StoredObject.live(key, text.getBytes(StandardCharsets.UTF_8), M3U8);
    }

    public static StoredObject mpd(String key, String text) {
        return StoredObject.live(key, text.getBytes(StandardCharsets.UTF_8), MPD);
    }

    /** The channel's state object ({@link OutputKeys#state}): read by workers only, always the latest. */
    public static StoredObject state(String key, byte[] json) {
        return new StoredObject(key, json, "application/json", "no-store");
    }
}
