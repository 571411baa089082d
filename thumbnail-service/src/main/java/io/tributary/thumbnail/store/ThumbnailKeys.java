package io.tributary.thumbnail.store;

import io.tributary.media.storage.ObjectKeys;

/**
 * The object keys of one picture, deterministic so that a replayed record overwrites what it wrote before.
 *
 * <p>{@link #minute()} and {@link #latest()} are the contract's ({@link ObjectKeys}); the small picture sits beside
 * each with {@code -small} before the extension ({@code thumbnails/alice/01J…/3-small.jpg},
 * {@code thumbnails/alice/latest-small.jpg}).
 */
public record ThumbnailKeys(String minute, String latest, String smallMinute, String smallLatest) {
    private static final String JPEG = ".jpg";

    /** @throws IllegalArgumentException if the channel or session id is not one {@link ObjectKeys} accepts */
    public static ThumbnailKeys of(String channel, String sessionId, long minute) {
        String perMinute = ObjectKeys.minuteThumbnail(channel, sessionId, minute);
        String latest = ObjectKeys.latestThumbnail(channel);
        return new ThumbnailKeys(perMinute, latest, small(perMinute), small(latest));
    }

    /** Whether keys can be made for this channel and session (the checks of {@link ObjectKeys}). */
    public static boolean isValid(String channel, String sessionId) {
        return ObjectKeys.isValidChannel(channel) && ObjectKeys.isValidSessionId(sessionId);
    }

    private static String small(String key) {
        return key.substring(0, key.length() - JPEG.length()) + "-small" + JPEG;
    }
}
