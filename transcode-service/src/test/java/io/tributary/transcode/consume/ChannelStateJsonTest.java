package io.tributary.transcode.consume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.media.gop.GopFlag;
import io.tributary.media.gop.GopMetadata;
import io.tributary.transcode.manifest.FrameRate;
import io.tributary.transcode.manifest.live.Boundary;
import io.tributary.transcode.manifest.live.GopSegments;
import io.tributary.transcode.manifest.live.LivePresentation;
import io.tributary.transcode.manifest.live.RenditionSegment;
import io.tributary.transcode.manifest.live.TrackFacts;
import io.tributary.transcode.store.RetiringObject;
import io.tributary.transcode.store.StateJson;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The state object a worker saves is the state another worker reads back: equal, with every detail. */
class ChannelStateJsonTest {
    private static final TrackFacts VIDEO = TrackFacts.video("hvc1.1.6.L93.B0", 90_000, 1280, 720,
            new FrameRate(30_000, 1001), "init-0123456789abcdef.mp4");
    private static final TrackFacts AUDIO = TrackFacts.audio("mp4a.40.2", 44_100, 44_100, 2, "init-fedcba9876543210.mp4");

    private static ChannelState state() {
        LivePresentation p = LivePresentation.empty();
        Instant start = Instant.parse("2025-03-01T12:00:00.123456789Z");
        for (int seq = 0; seq < 9; seq++) {
            boolean continuation = seq == 4;
            p = p.apply(new GopSegments("01JSESSION", seq, seq * 1001L, start.plusMillis(seq * 1001L),
                    seq == 0 ? Boundary.FRESH_START : seq == 6 ? Boundary.TIMESTAMP_BREAK : Boundary.NONE, seq == 8,
                    List.of(new RenditionSegment("source", VIDEO, "01JSESSION-" + seq + ".m4s", seq, seq * 90_090L,
                                    90_090, 200_000 + seq, !continuation),
                            new RenditionSegment("audio", AUDIO, "01JSESSION-" + seq + ".m4s", seq, seq * 44_144L,
                                    44_144, 16_000 + seq, true))), 6);
        }
        ChannelState s = ChannelState.empty().after(GopMetadata.of("01JOLDER", 3, 3000, 1000, 1_000, Set.of()),
                Boundary.NONE, LivePresentation.empty(), List.of());
        return s.after(GopMetadata.of("01JSESSION", 8, 8008, 1001, 1_700_000_000_000L, Set.of(GopFlag.LAST)),
                Boundary.FORMAT_CHANGE, p, List.of(new RetiringObject("live/c/source/01JSESSION-1.m4s", 42L)));
    }

    @Test
    void readsBackEqual() {
        ChannelState s = state();
        assertEquals(s, StateJson.read(StateJson.write(s), ChannelState.class));
    }

    @Test
    void readsBackTheRungsProgress() {
        ChannelState s = state();
        ChannelState withRungs = s.withRungs(s.presentation(), new RungProgress("01JSESSION", 7, List.of("720p"),
                false), s.retiring());
        assertEquals(withRungs, StateJson.read(StateJson.write(withRungs), ChannelState.class));
    }

    @Test
    void aStateWrittenBeforeTheLadderWasWiredHasNoRungProgress() {
        String json = new String(StateJson.write(state()), StandardCharsets.UTF_8);
        String older = json.replaceFirst(",\\s*\"rungs\"\\s*:\\s*\\{[^}]*\\}", "");
        assertFalse(older.contains("\"rungs\""), older);
        ChannelState read = StateJson.read(older.getBytes(StandardCharsets.UTF_8), ChannelState.class);
        assertEquals(RungProgress.NONE, read.rungs());
        assertEquals(state(), read);
    }

    @Test
    void readsBackTheCadenceItWasSavedAt() {
        ChannelState saved = state().savedEvery(5);
        ChannelState read = StateJson.read(StateJson.write(saved), ChannelState.class);
        assertEquals(saved, read);
        assertEquals(5, read.maxListedPast(1), "the previous owner's cadence bounds the replay, not ours alone");
        // a later owner at our cadence may have listed records past it without saving (a chain of takeovers)
        assertEquals(20, read.maxListedPast(20));
    }

    @Test
    void aStateWrittenBeforeTheCadenceWasStoredBoundsTheReplayByOurs() {
        String json = savedEveryFiveJson();
        String older = json.replaceFirst(",\\s*\"saveEvery\"\\s*:\\s*5", "");
        assertFalse(older.contains("\"saveEvery\""), older);
        ChannelState read = StateJson.read(older.getBytes(StandardCharsets.UTF_8), ChannelState.class);
        assertEquals(state(), read);
        assertEquals(3, read.maxListedPast(3));
    }

    @Test
    void aStateSayingItWasSavedEveryTwoBillionRecordsIsUnreadableNotAnUnboundedReplay() {
        String json = savedEveryFiveJson();
        String corrupt = json.replaceFirst("\"saveEvery\"\\s*:\\s*5", "\"saveEvery\":2000000000");
        assertTrue(corrupt.contains("2000000000"), corrupt);
        assertThrows(IllegalArgumentException.class,
                () -> StateJson.read(corrupt.getBytes(StandardCharsets.UTF_8), ChannelState.class));
        ChannelState atTheLimit = state().savedEvery(StateSaving.MAX_SAVE_EVERY);
        assertEquals(atTheLimit, StateJson.read(StateJson.write(atTheLimit), ChannelState.class));
    }

    @Test
    void writesTheRecordsComponentsOnly() {
        String json = new String(StateJson.write(state()), StandardCharsets.UTF_8);
        assertFalse(json.contains("\"video\""), "no derived property (isVideo) in the state: " + json);
        assertFalse(json.contains("\"listed\""), json);
    }

    @Test
    void refusesWhatIsNotAState() {
        assertThrows(IllegalArgumentException.class,
                () -> StateJson.read("{\"presentation\":7}".getBytes(StandardCharsets.UTF_8), ChannelState.class));
        assertThrows(IllegalArgumentException.class,
                () -> StateJson.read("not json".getBytes(StandardCharsets.UTF_8), ChannelState.class));
    }

    /** The JSON of {@link #state()} saved by a worker saving every 5 records, to edit. */
    private static String savedEveryFiveJson() {
        return new String(StateJson.write(state().savedEvery(5)), StandardCharsets.UTF_8);
    }
}
