package io.tributary.transcode.store;

import io.tributary.media.storage.ObjectKeys;
import io.tributary.transcode.manifest.live.SegmentNames;

/**
 * The keys transcode-service writes, on top of media-common's {@link ObjectKeys} layout. Every key is a function of
 * the records (channel, rendition, session, sequence, bytes), never of the worker or the time, so a replay or another
 * worker rewrites the same objects.
 */
public final class OutputKeys {
    /** Private prefix of the per-channel state: not under {@code live/}, so players and CDNs cannot read it. */
    public static final String STATE_PREFIX = "state/transcode/";

    private OutputKeys() {
    }

    /** The content-named object name of an init segment; the layout owns it ({@link ObjectKeys#initObjectName}). */
    public static String initObjectName(byte[] initSegment) {
        return ObjectKeys.initObjectName(initSegment);
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
