package io.tributary.auth.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.media.event.StopReason;
import io.tributary.media.event.StreamStarted;
import io.tributary.media.event.StreamStopped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LiveDirectoryTest {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    Instant now = T0;
    final LiveDirectory live = new LiveDirectory(Duration.ofHours(24), new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    });

    static StreamStarted started(String channel, String session, Instant at) {
        return StreamStarted.of(session, channel, "live", at, "ingest-1", null, null,
                Map.of(StreamStarted.HLS, "http://cdn/live/" + channel + "/master.m3u8"));
    }

    static StreamStopped stopped(String channel, String session, Instant at) {
        return StreamStopped.of(session, channel, at, StopReason.PUBLISHER_CLOSED, 1000, 1000, 1);
    }

    @Test
    void startThenStop() {
        live.started(started("alice", "s1", T0));
        assertEquals("s1", live.session("alice", T0).orElseThrow().sessionId());
        live.stopped(stopped("alice", "s1", T0.plusSeconds(60)));
        assertTrue(live.session("alice", T0.plusSeconds(61)).isEmpty());
    }

    @Test
    void stopReadBeforeItsStartEndsTheSession() {
        live.stopped(stopped("alice", "s1", T0.plusSeconds(60)));
        live.started(started("alice", "s1", T0));
        assertTrue(live.session("alice", T0.plusSeconds(61)).isEmpty());
    }

    @Test
    void stopOfAnOlderSessionLeavesTheNewOneLive() {
        live.started(started("alice", "s1", T0));
        live.started(started("alice", "s2", T0.plusSeconds(30)));
        live.stopped(stopped("alice", "s1", T0.plusSeconds(31)));
        assertEquals("s2", live.session("alice", T0.plusSeconds(32)).orElseThrow().sessionId());
    }

    @Test
    void aLateOlderStartDoesNotReplaceTheCurrentSession() {
        live.started(started("alice", "s2", T0.plusSeconds(30)));
        live.started(started("alice", "s1", T0));
        assertEquals("s2", live.session("alice", T0.plusSeconds(32)).orElseThrow().sessionId());
    }

    @Test
    void aSessionWithoutStopExpiresAfterTheMaximumAge() {
        live.started(started("alice", "s1", T0));
        assertTrue(live.session("alice", T0.plus(Duration.ofHours(24))).isPresent());
        assertTrue(live.session("alice", T0.plus(Duration.ofHours(24)).plusSeconds(1)).isEmpty());
        assertTrue(live.sessions(T0.plus(Duration.ofHours(25))).isEmpty());
    }

    @Test
    void listsSessionsByChannel() {
        live.started(started("bob", "s2", T0));
        live.started(started("alice", "s1", T0));
        assertEquals(2, live.sessions(T0).size());
        assertEquals("alice", live.sessions(T0).get(0).channel());
        assertEquals("ingest-1", live.sessions(T0).get(0).started().ingestNode());
    }

    @Test
    void aStopReadFarAheadOfItsStartStillEndsIt() {
        // replay at start-up: all of stream-stopped before any of stream-started
        for (int i = 0; i < 500; i++) {
            live.stopped(stopped("alice", "s" + i, T0.plusSeconds(60L * i + 30)));
        }
        for (int i = 0; i < 500; i++) {
            live.started(started("alice", "s" + i, T0.plusSeconds(60L * i)));
        }
        now = T0.plusSeconds(60L * 500);
        assertTrue(live.session("alice", now).isEmpty());
    }

    @Test
    void forgetsStopsOlderThanTheMaximumAge() {
        live.stopped(stopped("alice", "s1", T0));
        now = T0.plus(Duration.ofHours(25));
        live.stopped(stopped("alice", "s2", now));
        // a start of s1 now would be stale anyway, and is: the forgotten stop does not matter
        live.started(started("alice", "s1", T0.minusSeconds(60)));
        assertTrue(live.session("alice", now).isEmpty());
    }

    @Test
    void aClearedSessionCountsAsStopped() {
        live.started(started("alice", "s1", T0));
        live.cleared(new LiveSessionCleared(1, "alice", "s1", T0.plusSeconds(5)));
        assertTrue(live.session("alice", T0.plusSeconds(6)).isEmpty());
        live.started(started("alice", "s1", T0)); // the start read again (replay) stays cleared
        assertTrue(live.session("alice", T0.plusSeconds(6)).isEmpty());
    }
}
