package io.tributary.archive.session;

import io.tributary.media.event.ArchiveReady;

/** Tells the platform an archive is durable; returns once the announcement itself is durable (Kafka acks=all). */
@FunctionalInterface
public interface ArchiveAnnouncer {
    void announce(ArchiveReady event) throws Exception;
}
