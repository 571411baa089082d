package io.tributary.transcode.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SegmentRetentionTest {
    private final List<String> deleted = new ArrayList<>();
    private final AtomicInteger counted = new AtomicInteger();
    private long now = 1_000;
    private boolean storageDown;
    private final List<List<String>> requests = new ArrayList<>();
    private final Map<String, String> refused = new HashMap<>();
    private final SegmentRetention retention = new SegmentRetention(keys -> {
        if (storageDown) {
            throw new IllegalStateException("S3 is away");
        }
        requests.add(keys);
        keys.stream().filter(k -> !refused.containsKey(k)).forEach(deleted::add);
        return Map.copyOf(refused);
    }, new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(now);
        }
    }, counted::incrementAndGet);

    @AfterEach
    void close() {
        retention.close();
    }

    @Test
    void deletesNothingBeforeItsTimeAndEverythingDueAfter() {
        retention.retire("c", List.of("live/c/source/a-0.m4s", "live/c/audio/a-0.m4s"), 31_000);
        assertEquals(0, retention.deleteDue());
        now = 30_999;
        assertEquals(0, retention.deleteDue());

        now = 31_000;
        assertEquals(2, retention.deleteDue());
        assertEquals(List.of("live/c/audio/a-0.m4s", "live/c/source/a-0.m4s"), deleted.stream().sorted().toList());
        assertEquals(1, requests.size(), "one request for every due segment, not one each");
        assertEquals(2, counted.get());
        assertEquals(List.of(), retention.pending("c"));
        assertEquals(0, retention.deleteDue());
        assertEquals(1, requests.size(), "no request when nothing is due");
    }

    @Test
    void aKeyTheServerRefusedStaysPendingAndTheRestAreDone() {
        retention.retire("c", List.of("k", "j"), 10);
        retention.retire("d", List.of("i"), 10);
        refused.put("j", "AccessDenied: no");
        assertEquals(2, retention.deleteDue());
        assertEquals(List.of(new RetiringObject("j", 10)), retention.pending("c"));
        assertEquals(List.of(), retention.pending("d"));

        refused.clear();
        assertEquals(1, retention.deleteDue());
        assertEquals(List.of(), retention.pending("c"));
    }

    @Test
    void aFailedDeletionStaysPendingAndIsTriedAgain() {
        retention.retire("c", List.of("k"), 10);
        storageDown = true;
        assertEquals(0, retention.deleteDue());
        assertEquals(List.of(new RetiringObject("k", 10)), retention.pending("c"));

        storageDown = false;
        assertEquals(1, retention.deleteDue());
        assertEquals(List.of("k"), deleted);
    }

    @Test
    void restoredDeletionsKeepTheirEarliestTime() {
        retention.retire("c", List.of("k"), 50_000);
        retention.restore("c", List.of(new RetiringObject("k", 20_000), new RetiringObject("j", 60_000)));
        assertEquals(List.of(new RetiringObject("j", 60_000), new RetiringObject("k", 20_000)), retention.pending("c"));
        assertEquals(List.of(), retention.pending("other"));
    }
}
