package io.tributary.archive.store;

import io.tributary.media.storage.ObjectKeys;

/**
 * Where a session's intermediate objects live: {@code archive-parts/{channel}/{sessionId}/{part}}. Private (not
 * under a public prefix), removed once the session's archive is announced.
 */
public final class PartKeys {
    public static final String PREFIX = "archive-parts/";

    private PartKeys() {
    }

    /** {@code archive-parts/{channel}/}: every session of a channel with parts left. */
    public static String channelPrefix(String channel) {
        // ObjectKeys.archive validates both names the same way; building through it keeps one rule for both layouts
        ObjectKeys.archive(channel, "x");
        return PREFIX + channel + "/";
    }

    /** {@code archive-parts/{channel}/{sessionId}/}. */
    public static String sessionPrefix(String channel, String sessionId) {
        ObjectKeys.archive(channel, sessionId);
        return PREFIX + channel + "/" + sessionId + "/";
    }

    public static String key(String channel, String sessionId, PartName part) {
        return sessionPrefix(channel, sessionId) + part.fileName();
    }

    /** The name after the last '/'. */
    public static String fileName(String key) {
        return key.substring(key.lastIndexOf('/') + 1);
    }
}
