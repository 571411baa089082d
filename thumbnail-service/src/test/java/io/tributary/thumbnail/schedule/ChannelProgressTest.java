package io.tributary.thumbnail.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        boolean away;

        @Override
        public Optional<SessionProgress> load(String channel, String sessionId) {
            loads.add(channel + "/" + sessionId);
            return Optional.ofNullable(saved.get(channel + "/" + sessionId));
        }

        @Override
        public void save(String channel, SessionProgress progress) {
            if (away) {
                throw new IllegalStateException("object storage away");
            }
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
        assertEquals(List.of("alice/S1"), store.loads, "one read, for keyframes that crashed the decoder");
    }

    @Test
    void aKeyframeAProcessDiedDecodingIsNotDecodedByTheNextOne() {
        MapStore store = new MapStore();
        ChannelProgress dying = new ChannelProgress(store, INTERVAL);
        SessionProgress started = dying.of("alice", gop("S1", 0, 0, GopFlag.FIRST));
        dying.attempting("alice", started, 5); // and the JVM dies in the decoder: no attemptFinished
        assertEquals(5, store.saved.get("alice/S1").attempt(), "the mark is saved before the decode");

        SessionProgress resumed = new ChannelProgress(store, INTERVAL).of("alice", gop("S1", 5, 10_000));

        assertFalse(resumed.decodes(5));
        assertTrue(resumed.decodes(6));
    }

    @Test
    void aFirstKeyframeAProcessDiedDecodingIsNotDecodedAgainWhenItsRecordComesBack() {
        MapStore store = new MapStore();
        ChannelProgress dying = new ChannelProgress(store, INTERVAL);
        dying.attempting("alice", dying.of("alice", gop("S1", 0, 0, GopFlag.FIRST)), 0);

        SessionProgress again = new ChannelProgress(store, INTERVAL).of("alice", gop("S1", 0, 0, GopFlag.FIRST));

        assertFalse(again.decodes(0), "the session's fresh start keeps what crashed the decoder");
        assertEquals(List.of(0L), store.saved.get("alice/S1").crashed(), "and saves it");
    }

    @Test
    void clearsTheMarkOnceTheDecodeReturns() {
        MapStore store = new MapStore();
        ChannelProgress progress = new ChannelProgress(store, INTERVAL);
        SessionProgress attempting = progress.attempting("alice", progress.of("alice", gop("S1", 0, 0, GopFlag.FIRST)), 0);

        progress.attemptFinished("alice", attempting);

        assertEquals(SessionProgress.NONE, store.saved.get("alice/S1").attempt());
        assertTrue(new ChannelProgress(store, INTERVAL).of("alice", gop("S1", 1, 2_000)).decodes(0),
                "a finished decode is no crash");
    }

    @Test
    void aDecodeThisProcessFinishedIsNotTakenForACrashWhenClearingTheMarkFailed() {
        MapStore store = new MapStore();
        ChannelProgress progress = new ChannelProgress(store, INTERVAL);
        SessionProgress started = progress.of("alice", gop("S1", 0, 0, GopFlag.FIRST));
        SessionProgress attempting = progress.attempting("alice", started, 1);
        store.away = true;
        assertThrows(IllegalStateException.class, () -> progress.attemptFinished("alice", attempting));
        store.away = false;

        SessionProgress retried = progress.of("alice", gop("S1", 1, 2_000)); // the record is handed again

        assertEquals(SessionProgress.NONE, retried.attempt(), "this process saw its decode return");
        assertTrue(retried.decodes(1));
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
