package io.tributary.ingest.rtmp.command;

import java.util.Objects;

/**
 * The stream name argument of {@code publish} (and of {@code releaseStream}, {@code FCPublish}, {@code FCUnpublish},
 * {@code getStreamLength}), split the way encoders build it: {@code [path/]key[?query]}. The key is the last path
 * element before the query; the query (without '?') may carry a signed token and is kept apart, as secret as the
 * key. {@link #toString()} shows neither.
 */
public record PublishName(StreamKey key, String query) {

    public static final PublishName EMPTY = new PublishName(new StreamKey(""), "");

    public PublishName {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(query, "query");
    }

    /** {@code "key"}, {@code "key?token=t"}, {@code "live/key"}, {@code "a/b/key?x=y"}: key, then query. */
    public static PublishName parse(String name) {
        int q = name.indexOf('?');
        String path = q < 0 ? name : name.substring(0, q);
        String query = q < 0 ? "" : name.substring(q + 1);
        return new PublishName(new StreamKey(path.substring(path.lastIndexOf('/') + 1)), query);
    }

    public boolean isEmpty() {
        return key.isEmpty();
    }

    @Override
    public String toString() {
        return "PublishName[key=" + key + ", query=" + (query.isEmpty() ? "none" : "redacted") + "]";
    }
}
