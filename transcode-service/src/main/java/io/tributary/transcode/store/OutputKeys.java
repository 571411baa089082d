package io.tributary.transcode.store;

import io.tributary.media.storage.ObjectKeys;
import io.tributary.transcode.manifest.live.SegmentNames;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The keys transcode-service writes, on top of media-common's {@link ObjectKeys} layout. Every key is a function of
 * the records (channel, rendition, session, sequence, bytes), never of the worker or the time, so a replay or another
 * worker rewrites the same objects.
 */
public final class OutputKeys {
    /** Private prefix of the per-channel state: not under {@code live/}, so players and CDNs cannot read it. */
    public static final String STATE_PREFIX = "state/transcode/";
    /** Hex digits of SHA-256 in an init segment's name: 64 bits, no collision among one channel's few formats. */
    private static final int INIT_HASH_HEX_DIGITS = 16;

    private OutputKeys() {
    }

    /**
     * The object name of an init segment, {@code init-<first 16 hex digits of its SHA-256>.mp4}: named after its
     * content, so a codec change mid-stream gets a new init segment while the segments still in the window keep
     * theirs, the same format always maps to the same object (no rewrite when a session resumes with the same
     * encoder settings), and the object can be cached as immutable.
     */
    public static String initObjectName(byte[] initSegment) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(initSegment);
            return "init-" + HexFormat.of().formatHex(digest).substring(0, INIT_HASH_HEX_DIGITS) + ".mp4";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** {@code live/{channel}/{rendition}/{objectName}}: an object a rendition's playlist names by {@code objectName}. */
    public static String renditionObject(String channel, String rendition, String objectName) {
        return ObjectKeys.renditionPrefix(channel, rendition) + objectName;
    }

    /** {@code live/{channel}/{rendition}/{sessionId}-{seq}.m4s}, the name the manifests use ({@link SegmentNames}). */
    public static String mediaSegment(String channel, String rendition, String sessionId, long sequence) {
        return ObjectKeys.mediaSegment(channel, rendition, sessionId, sequence);
    }

    public static String mediaPlaylist(String channel, String rendition) {
        return ObjectKeys.mediaPlaylist(channel, rendition);
    }

    /** {@code state/transcode/{channel}.json}: what a worker taking over the channel continues from. */
    public static String state(String channel) {
        // livePrefix validates the channel name the same way as every other key
        ObjectKeys.livePrefix(channel);
        return STATE_PREFIX + channel + ".json";
    }
}
