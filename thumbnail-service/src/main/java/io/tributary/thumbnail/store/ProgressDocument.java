package io.tributary.thumbnail.store;

import io.tributary.thumbnail.schedule.SessionProgress;

/**
 * {@link SessionProgress} as saved in object storage, JSON through {@link io.tributary.media.event.EventJson}:
 * {@code {"schemaVersion":1,"sessionId":"…","originMillis":0,"intervalMillis":60000,"lastMinute":3}}.
 */
record ProgressDocument(int schemaVersion, String sessionId, long originMillis, long intervalMillis, long lastMinute) {
    static final int SCHEMA_VERSION = 1;

    static ProgressDocument of(SessionProgress p) {
        return new ProgressDocument(SCHEMA_VERSION, p.sessionId(), p.originMillis(), p.intervalMillis(), p.lastMinute());
    }

    /** @throws IllegalArgumentException if the document is of another schema version or its values are out of range */
    SessionProgress toProgress() {
        if (schemaVersion != SCHEMA_VERSION) {
            throw new IllegalArgumentException("progress schema version " + schemaVersion + " is not " + SCHEMA_VERSION);
        }
        if (sessionId == null) {
            throw new IllegalArgumentException("progress without a session id");
        }
        return new SessionProgress(sessionId, originMillis, intervalMillis, lastMinute);
    }
}
