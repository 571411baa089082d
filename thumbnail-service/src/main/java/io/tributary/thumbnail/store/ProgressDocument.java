package io.tributary.thumbnail.store;

import io.tributary.thumbnail.schedule.SessionProgress;
import java.util.List;

/**
 * {@link SessionProgress} as saved in object storage, JSON through {@link io.tributary.media.event.EventJson}:
 * {@code {"schemaVersion":1,"sessionId":"…","originMillis":0,"intervalMillis":60000,"lastMinute":3}}, with
 * {@code "attempt":57} while GOP 57's keyframe is being decoded and {@code "crashed":[41]} once a keyframe crashed
 * the decoder.
 *
 * <p>{@code attempt} and {@code crashed} were added without a new schema version, because they are compatible both
 * ways: absent (documents written before them, and every document without a decode in flight or a crash: null
 * fields are left out) means none, and a reader that does not know them ignores them, so that instances of the
 * previous release keep reading the documents during a rolling upgrade (they would reject a version 2).
 *
 * @param attempt sequence number of the GOP whose keyframe is being decoded; null when none
 * @param crashed sequence numbers of the GOPs whose keyframe crashed the decoder; null when none
 */
record ProgressDocument(int schemaVersion, String sessionId, long originMillis, long intervalMillis, long lastMinute,
                        Long attempt, List<Long> crashed) {
    static final int SCHEMA_VERSION = 1;

    static ProgressDocument of(SessionProgress p) {
        return new ProgressDocument(SCHEMA_VERSION, p.sessionId(), p.originMillis(), p.intervalMillis(), p.lastMinute(),
                p.attempt() == SessionProgress.NONE ? null : p.attempt(), p.crashed().isEmpty() ? null : p.crashed());
    }

    /** @throws IllegalArgumentException if the document is of another schema version or its values are out of range */
    SessionProgress toProgress() {
        if (schemaVersion != SCHEMA_VERSION) {
            throw new IllegalArgumentException("progress schema version " + schemaVersion + " is not " + SCHEMA_VERSION);
        }
        if (sessionId == null) {
            throw new IllegalArgumentException("progress without a session id");
        }
        if (crashed != null && crashed.contains(null)) {
            throw new IllegalArgumentException("progress with a null crashed keyframe");
        }
        return new SessionProgress(sessionId, originMillis, intervalMillis, lastMinute,
                attempt == null ? SessionProgress.NONE : attempt, crashed == null ? List.of() : crashed);
    }
}
