package io.tributary.media.gop;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What the Kafka headers of a GOP record say about it (see {@link GopHeaders} for the wire form).
 *
 * @param schemaVersion       {@link #SCHEMA_VERSION}
 * @param sessionId           the broadcast this record belongs to
 * @param sequence            0, 1, 2… per session, no gaps (continuation parts take their own numbers)
 * @param mediaStartMillis    the session's media time of the first tag, milliseconds (the tags' own timestamps)
 * @param mediaDurationMillis media time the record covers, milliseconds
 * @param closedAtEpochMillis wall-clock time the ingest closed the GOP, for latency measurement
 * @param flags               {@link GopFlag}s, empty for an ordinary record
 */
public record GopMetadata(int schemaVersion, String sessionId, long sequence, long mediaStartMillis,
                          long mediaDurationMillis, long closedAtEpochMillis, Set<GopFlag> flags) {

    public static final int SCHEMA_VERSION = 1;

    public GopMetadata {
        Objects.requireNonNull(sessionId, "sessionId");
        if (sessionId.isEmpty() || sequence < 0 || mediaStartMillis < 0 || mediaDurationMillis < 0
                || closedAtEpochMillis < 0) {
            throw new IllegalArgumentException("GOP metadata needs a session id and non-negative numbers");
        }
        EnumSet<GopFlag> copy = EnumSet.noneOf(GopFlag.class);
        copy.addAll(flags);
        flags = Collections.unmodifiableSet(copy);
    }

    /** Metadata of the current schema version. */
    public static GopMetadata of(String sessionId, long sequence, long mediaStartMillis, long mediaDurationMillis,
                                 long closedAtEpochMillis, Set<GopFlag> flags) {
        return new GopMetadata(SCHEMA_VERSION, sessionId, sequence, mediaStartMillis, mediaDurationMillis,
                closedAtEpochMillis, flags);
    }

    public boolean has(GopFlag flag) {
        return flags.contains(flag);
    }
}
