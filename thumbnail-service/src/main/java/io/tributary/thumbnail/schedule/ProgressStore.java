package io.tributary.thumbnail.schedule;

import java.util.Optional;

/** Where session progress survives the process: object storage in the service, a map in unit tests. */
public interface ProgressStore {

    /** The saved progress of the session, or empty if none was saved (or it cannot be read). */
    Optional<SessionProgress> load(String channel, String sessionId);

    /** Saves the progress durably; returns only once it is. Throws when it cannot (the record is then retried). */
    void save(String channel, SessionProgress progress);
}
