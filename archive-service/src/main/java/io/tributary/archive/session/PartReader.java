package io.tributary.archive.session;

import io.tributary.archive.store.ArchiveStore;
import io.tributary.archive.store.PartKeys;
import io.tributary.archive.store.PartName;
import io.tributary.archive.store.PieceCache;
import java.util.Optional;

/** A session's part from the local cache when this instance wrote it, else from object storage. */
public record PartReader(ArchiveStore store, PieceCache cache) {

    /** The part's bytes, or empty when it is in neither place. */
    public Optional<byte[]> read(SessionRef session, PartName part) {
        return cache.get(session.channel(), session.sessionId(), part.fileName())
                .or(() -> store.get(PartKeys.key(session.channel(), session.sessionId(), part)));
    }
}
