package io.tributary.auth.archive;

import io.tributary.media.event.ArchiveReady;
import io.tributary.media.event.EventJson;
import io.tributary.media.event.Topics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The newest archives, folded from {@code archive-ready} (read from the beginning by every instance, as the live
 * directory is, so the list survives a restart without a store of its own).
 *
 * <p>The topic's partitions are read side by side, so records do not arrive in time order: the list is kept sorted by
 * {@code readyAt}, newest first, and cut to its capacity after each record. A replayed {@code archive-ready} for an
 * object key already listed replaces the earlier one (the archive worker writes deterministic keys, so a replay
 * names the same object).
 *
 * <p>One thread applies events; any thread reads. The list is an immutable value replaced whole.
 */
public final class RecentArchives {
    /** Records without a time (a producer that left it out) sort last rather than fail. */
    private static final Comparator<ArchiveReady> NEWEST_FIRST = Comparator.comparing(
            (ArchiveReady a) -> a.readyAt() == null ? Instant.MIN : a.readyAt()).reversed()
            .thenComparing(ArchiveReady::key);

    private final int capacity;
    private volatile List<ArchiveReady> newest = List.of();

    public RecentArchives(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, is " + capacity);
        }
        this.capacity = capacity;
    }

    /** Applies a record of {@code archive-ready}; records of other topics and tombstones are ignored. */
    public void apply(ConsumerRecord<byte[], byte[]> record) {
        if (record.value() != null && Topics.ARCHIVE_READY.equals(record.topic())) {
            ready(EventJson.read(record.value(), ArchiveReady.class));
        }
    }

    public void ready(ArchiveReady archive) {
        List<ArchiveReady> next = new ArrayList<>(newest.size() + 1);
        for (ArchiveReady listed : newest) {
            if (!listed.key().equals(archive.key())) {
                next.add(listed);
            }
        }
        next.add(archive);
        next.sort(NEWEST_FIRST);
        newest = List.copyOf(next.subList(0, Math.min(capacity, next.size())));
    }

    /** The newest archives, newest first, at most the capacity. */
    public List<ArchiveReady> newest() {
        return newest;
    }
}
