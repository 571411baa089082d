package io.tributary.storage;

/**
 * One object to write: its bytes and the HTTP headers players and CDNs will see.
 *
 * @param cacheControl e.g. {@code public, max-age=31536000, immutable} for segments, {@code max-age=1} for playlists
 */
public record StoredObject(String key, byte[] bytes, String contentType, String cacheControl) {

    /** Media segments, init segments, thumbnails per minute, archives: never rewritten with other bytes. */
    public static final String IMMUTABLE = "public, max-age=31536000, immutable";

    /** Live playlists and latest.jpg: a player must see the next version within a second or two. */
    public static final String LIVE = "public, max-age=1";

    public static StoredObject immutable(String key, byte[] bytes, String contentType) {
        return new StoredObject(key, bytes, contentType, IMMUTABLE);
    }

    public static StoredObject live(String key, byte[] bytes, String contentType) {
        return new StoredObject(key, bytes, contentType, LIVE);
    }
}
