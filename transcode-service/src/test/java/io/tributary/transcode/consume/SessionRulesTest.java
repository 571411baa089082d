package io.tributary.transcode.consume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.media.gop.GopFlag;
import io.tributary.media.gop.GopMetadata;
import io.tributary.transcode.manifest.live.Boundary;
import io.tributary.transcode.manifest.live.LivePresentation;
import io.tributary.transcode.metrics.TranscodeMetrics;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SessionRulesTest {
    private static final long CLOSED = 1_700_000_000_000L;

    /** Record {@code seq} of {@code session}: one-second GOPs, closed at ingest {@code seq} seconds after CLOSED. */
    private static GopMetadata gop(String session, long seq, GopFlag... flags) {
        EnumSet<GopFlag> set = EnumSet.noneOf(GopFlag.class);
        set.addAll(List.of(flags));
        return GopMetadata.of(session, seq, seq * 1000, 1000, CLOSED + seq * 1000 + 1000, set);
    }

    /** The state after session {@code session}'s records 0 to {@code last}. */
    private static ChannelState after(String session, long last, boolean ended) {
        ChannelState s = ChannelState.empty();
        for (long seq = 0; seq <= last; seq++) {
            GopMetadata g = seq == last && ended ? gop(session, seq, GopFlag.LAST) : gop(session, seq);
            s = s.after(g, Boundary.NONE, LivePresentation.empty(), List.of());
        }
        return s;
    }

    @Test
    void theChannelsFirstRecordStartsAfresh() {
        Admission a = SessionRules.admit(ChannelState.empty(), gop("A", 0, GopFlag.FIRST));
        assertTrue(a.packaged());
        assertEquals(Boundary.FRESH_START, a.boundary());
    }

    @Test
    void theNextRecordOfTheSessionFollowsWithoutBoundary() {
        Admission a = SessionRules.admit(after("A", 3, false), gop("A", 4));
        assertTrue(a.packaged());
        assertEquals(Boundary.NONE, a.boundary());
    }

    @Test
    void aRecordAlreadyPackagedIsAReplay() {
        ChannelState s = after("A", 3, false);
        for (long seq = 0; seq <= 3; seq++) {
            Admission a = SessionRules.admit(s, gop("A", seq));
            assertFalse(a.packaged(), "seq " + seq);
            assertEquals(TranscodeMetrics.REPLAYED, a.skipReason());
        }
    }

    @Test
    void aMissingRecordOrAJumpInMediaTimeIsATimestampBreak() {
        ChannelState s = after("A", 3, false);
        assertEquals(Boundary.TIMESTAMP_BREAK, SessionRules.admit(s, gop("A", 6)).boundary());
        GopMetadata jumped = GopMetadata.of("A", 4, 9000, 1000, CLOSED + 5000, Set.of());
        assertEquals(Boundary.TIMESTAMP_BREAK, SessionRules.admit(s, jumped).boundary());
        GopMetadata close = GopMetadata.of("A", 4, 4000 + SessionRules.TIMESTAMP_TOLERANCE_MILLIS, 1000, CLOSED + 5000,
                Set.of());
        assertEquals(Boundary.NONE, SessionRules.admit(s, close).boundary());
    }

    @Test
    void aNewSessionContinuesAnUnendedOneAndStartsAfreshAfterAnEndedOne() {
        GopMetadata b0 = GopMetadata.of("B", 0, 0, 1000, CLOSED + 60_000, Set.of(GopFlag.FIRST));
        assertEquals(Boundary.NEW_SESSION, SessionRules.admit(after("A", 3, false), b0).boundary());
        assertEquals(Boundary.FRESH_START, SessionRules.admit(after("A", 3, true), b0).boundary());
    }

    @Test
    void recordsOfAnEarlierSessionAreReplays() {
        ChannelState s = after("A", 3, true);
        s = s.after(GopMetadata.of("B", 0, 0, 1000, CLOSED + 60_000, Set.of()), Boundary.NONE,
                LivePresentation.empty(), List.of());

        Admission known = SessionRules.admit(s, gop("A", 2));
        assertFalse(known.packaged());
        assertEquals(TranscodeMetrics.REPLAYED, known.skipReason());
        Admission older = SessionRules.admit(s, GopMetadata.of("Z", 0, 0, 1000, CLOSED - 3_600_000, Set.of()));
        assertFalse(older.packaged(), "closed before B's first record: from further back than the state remembers");
    }

    @Test
    void aRecordAfterTheSessionsLastIsSkipped() {
        Admission a = SessionRules.admit(after("A", 3, true), gop("A", 4));
        assertFalse(a.packaged());
        assertEquals(TranscodeMetrics.ENDED, a.skipReason());
    }

    @Test
    void theStateRemembersABoundedNumberOfEarlierSessions() {
        ChannelState s = ChannelState.empty();
        for (int i = 0; i < ChannelState.RECENT_SESSIONS + 5; i++) {
            s = s.after(GopMetadata.of("S" + i, 0, 0, 1000, CLOSED + i, Set.of(GopFlag.LAST)), Boundary.NONE,
                    LivePresentation.empty(), List.of());
        }
        assertEquals(ChannelState.RECENT_SESSIONS, s.recentSessions().size());
        assertEquals("S" + (ChannelState.RECENT_SESSIONS + 3), s.recentSessions().get(s.recentSessions().size() - 1));
        assertEquals(CLOSED + ChannelState.RECENT_SESSIONS + 4, s.sessionFirstClosedAtMillis());
    }
}
