package io.tributary.auth.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tributary.media.event.ArchiveReady;
import io.tributary.media.event.EventJson;
import io.tributary.media.event.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class RecentArchivesTest {
    private static final Instant T0 = Instant.parse("2026-11-27T03:00:00Z");

    private static ArchiveReady archive(String sessionId, Instant readyAt) {
        return ArchiveReady.of(sessionId, "demo", "archive/demo/" + sessionId + ".mp4", 100, 20_000, 200, 0.5, null,
                readyAt);
    }

    private static List<String> sessions(RecentArchives archives) {
        return archives.newest().stream().map(ArchiveReady::sessionId).toList();
    }

    @Test
    void keepsTheNewestByReadyTimeWhateverTheArrivalOrder() {
        RecentArchives archives = new RecentArchives(2);
        archives.ready(archive("b", T0.plusSeconds(2)));
        archives.ready(archive("c", T0.plusSeconds(3)));
        archives.ready(archive("a", T0.plusSeconds(1)));

        assertEquals(List.of("c", "b"), sessions(archives));
    }

    @Test
    void aReplayedEventForTheSameObjectReplacesTheEarlierOne() {
        RecentArchives archives = new RecentArchives(5);
        archives.ready(archive("a", T0));
        archives.ready(archive("a", T0.plusSeconds(9)));

        assertEquals(List.of("a"), sessions(archives));
        assertEquals(T0.plusSeconds(9), archives.newest().get(0).readyAt());
    }

    @Test
    void anEventWithoutReadyTimeSortsLast() {
        RecentArchives archives = new RecentArchives(5);
        archives.ready(archive("untimed", null));
        archives.ready(archive("timed", T0));

        assertEquals(List.of("timed", "untimed"), sessions(archives));
    }

    @Test
    void appliesArchiveReadyRecordsAndIgnoresOtherTopicsAndTombstones() {
        RecentArchives archives = new RecentArchives(5);
        byte[] json = EventJson.write(archive("a", T0));
        byte[] key = "demo".getBytes(StandardCharsets.UTF_8);
        archives.apply(new ConsumerRecord<>(Topics.STREAM_STARTED, 0, 0, key, json));
        archives.apply(new ConsumerRecord<>(Topics.ARCHIVE_READY, 0, 1, key, null));
        assertEquals(List.of(), sessions(archives));

        archives.apply(new ConsumerRecord<>(Topics.ARCHIVE_READY, 0, 2, key, json));
        assertEquals(List.of("a"), sessions(archives));
    }

    @Test
    void refusesAnEmptyCapacity() {
        assertThrows(IllegalArgumentException.class, () -> new RecentArchives(0));
    }
}
