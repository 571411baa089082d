package io.tributary.thumbnail.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.tributary.media.gop.GopFlag;
import io.tributary.media.gop.GopMetadata;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChannelProgressTest {
    private static final Duration INTERVAL = Duration.ofSeconds(60);

    /** A ProgressStore in memory that remembers every save and load. */
    static final class MapStore implements ProgressStore {
        final Map<String, SessionProgress> saved = new HashMap<>();
        final List<String> loads = new ArrayList<>();
        final List<SessionProgress> saves = new ArrayList<>();

        @Override
        public Optional<SessionProgress> load(String channel, String sessionId) {
            loads.add(channel + "/" + sessionId);
            return Optional.ofNullable(saved.get(channel + "/" + sessionId));
        }

        @Override
        public void save(String channel, SessionProgress progress) {
            saves.add(progress);
            saved.put(channel + "/" + progress.sessionId(), progress);
        }
    }

    private static GopMetadata gop(String session, long seq, long mediaStart, GopFlag... flags) {
        Set<GopFlag> set = EnumSet.noneOf(GopFlag.class);
        set.addAll(List.of(flags));
        return GopMetadata.of(session, seq, mediaStart, 2_000, 1_700_000_000_000L, set);
    }

    @Test
    void startsASessionAtItsFirstGopAndSavesItBeforeAnyPicture() {
        MapStore store = new MapStore();
        ChannelProgress progress = new ChannelProgress(store, INTERVAL);

        SessionProgress started = progress.of("alice", gop("S1", 0, 7_000, GopFlag.FIRST));

        assertEquals(new SessionProgress("S1", 7_000, 60_000, SessionProgress.NONE), started);
        assertEquals(List.of(started), store.saves);
        assertEquals(List.of(), store.loads, "a first GOP needs nothing from storage");
    }

    @Test
    void answersFromMemoryForTheRestOfTheSession() {
        MapStore store = new MapStore();
        ChannelProgress progress = new ChannelProgress(store, INTERVAL);
        SessionProgress started = progress.of("alice", gop("S1", 0, 0, GopFlag.FIRST));

        assertSame(started, progress.of("alice", gop("S1", 1, 2_000)));
        assertEquals(1, store.saves.size());
        assertEquals(List.of(), store.loads);
    }

    @Test
    void savesEachPictureBeforeRememberingIt() {
        MapStore store = new MapStore();
        ChannelProgress progress = new ChannelProgress(store, INTERVAL);
        SessionProgress started = progress.of("alice", gop("S1", 0, 0, GopFlag.FIRST));

        SessionProgress done = progress.pictureDone("alice", started, 0);

        assertEquals(0, done.lastMinute());
        assertEquals(done, store.saved.get("alice/S1"));
        assertEquals(done, progress.of("alice", gop("S1", 1, 2_000)));
    }

    @Test
    void takesOverASessionMidWayFromItsSavedProgress() {
        MapStore store = new MapStore();
        SessionProgress saved = new SessionProgress("S1", 7_000, 30_000, 4);
        store.saved.put("alice/S1", saved);
        ChannelProgress afterRestart = new ChannelProgress(store, INTERVAL);

        SessionProgress resumed = afterRestart.of("alice", gop("S1", 70, 140_000));

        assertEquals(saved, resumed, "origin, the session's own interval and its last minute all come back");
        assertEquals(List.of("alice/S1"), store.loads);
        afterRestart.of("alice", gop("S1", 71, 142_000));
        assertEquals(1, store.loads.size(), "loaded once, then kept in memory");
    }

    @Test
    void countsFromTheFirstGopSeenWhenNothingWasSaved() {
        MapStore store = new MapStore();
        ChannelProgress progress = new ChannelProgress(store, INTERVAL);

        SessionProgress joined = progress.of("alice", gop("S1", 40, 80_000));

        assertEquals(new SessionProgress("S1", 80_000, 60_000, SessionProgress.NONE), joined);
        assertEquals(joined, store.saved.get("alice/S1"), "saved, so a second restart counts the same way");
    }

    @Test
    void replaysFromTheFirstGopStartAfresh() {
        MapStore store = new MapStore();
        store.saved.put("alice/S1", new SessionProgress("S1", 0, 60_000, 7));
        ChannelProgress progress = new ChannelProgress(store, INTERVAL);

        SessionProgress replayed = progress.of("alice", gop("S1", 0, 0, GopFlag.FIRST));

        assertEquals(SessionProgress.NONE, replayed.lastMinute(), "a replay rewrites every minute's picture");
    }

    @Test
    void followsTheChannelToItsNextSessionAndForgetsEndedOnes() {
        MapStore store = new MapStore();
        ChannelProgress progress = new ChannelProgress(store, INTERVAL);
        progress.of("alice", gop("S1", 0, 0, GopFlag.FIRST));
        progress.of("bob", gop("B1", 0, 0, GopFlag.FIRST));
        assertEquals(2, progress.size());

        progress.ended("alice", "S1");
        assertEquals(1, progress.size());
        progress.ended("bob", "OTHER");
        assertEquals(1, progress.size(), "the end of another session leaves the live one alone");

        SessionProgress next = progress.of("bob", gop("B2", 0, 500, GopFlag.FIRST));
        assertEquals("B2", next.sessionId());
        assertEquals(1, progress.size(), "one live session per channel");
    }
}
