package io.tributary.archive.session;

import io.tributary.archive.store.PartKeys;
import io.tributary.media.storage.ObjectKeys;

/** One broadcast of one channel: what an archive is made for. Both names are valid object-key names. */
public record SessionRef(String channel, String sessionId) {
    public SessionRef {
        if (!ObjectKeys.isValidChannel(channel) || !ObjectKeys.isValidSessionId(sessionId)) {
            throw new IllegalArgumentException("not a channel and session id usable in object keys");
        }
    }

    public String archiveKey() {
        return ObjectKeys.archive(channel, sessionId);
    }

    public String partsPrefix() {
        return PartKeys.sessionPrefix(channel, sessionId);
    }

    @Override
    public String toString() {
        return channel + "/" + sessionId;
    }
}
