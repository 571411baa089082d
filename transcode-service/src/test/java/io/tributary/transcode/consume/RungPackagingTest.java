package io.tributary.transcode.consume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.media.gop.GopFlag;
import io.tributary.media.gop.GopMetadata;
import io.tributary.transcode.manifest.FrameRate;
import io.tributary.transcode.manifest.live.Boundary;
import io.tributary.transcode.manifest.live.GopSegments;
import io.tributary.transcode.manifest.live.LivePresentation;
import io.tributary.transcode.manifest.live.RenditionSegment;
import io.tributary.transcode.manifest.live.RenditionState;
import io.tributary.transcode.manifest.live.SegmentNames;
import io.tributary.transcode.manifest.live.TrackFacts;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a ladder result does to the presentation: rungs listed, dropped ones removed, the session's end. */
class RungPackagingTest {
    private static final int WINDOW = 6;
    private static final TrackFacts SOURCE = TrackFacts.video("avc1.64001f", 90_000, 1280, 720, FrameRate.of(30),
            "init-00000000000000v1.mp4");
    private static final TrackFacts RUNG_480 = TrackFacts.video("avc1.64001e", 90_000, 854, 480, FrameRate.of(30),
            "init-000000000000r480.mp4");
    private static final TrackFacts RUNG_360 = TrackFacts.video("avc1.64001e", 90_000, 640, 360, FrameRate.of(30),
            "init-000000000000r360.mp4");
    private final RungPackaging rungs = new RungPackaging("c", null, null, null, WINDOW);

    private static RenditionSegment segment(String rendition, TrackFacts facts, long seq) {
        return new RenditionSegment(rendition, facts, SegmentNames.media("A", seq), seq, seq * 90_000, 90_000,
                10_000, true);
    }

    private static RenditionOutput output(String rendition, TrackFacts facts, long seq) {
        return new RenditionOutput(segment(rendition, facts, seq), null, null);
    }

    private static GopMetadata gop(long seq, GopFlag... flags) {
        return GopMetadata.of("A", seq, seq * 1000, 1000, 1_700_000_000_000L + seq * 1000, Set.of(flags));
    }

    /** The source listed up to {@code last}, the state in session A after it. */
    private static ChannelState sourceUpTo(long last) {
        LivePresentation p = LivePresentation.empty();
        for (long seq = 0; seq <= last; seq++) {
            p = p.apply(new GopSegments("A", seq, seq * 1000, Instant.parse("2025-03-01T12:00:00Z").plusSeconds(seq),
                    seq == 0 ? Boundary.FRESH_START : Boundary.NONE, false, List.of(segment("source", SOURCE, seq))),
                    WINDOW);
        }
        return ChannelState.empty().after(gop(last), Boundary.NONE, p, List.of());
    }

    private static RungProgress progress(long seq, List<String> dropped, boolean all) {
        return new RungProgress("A", seq, dropped, all);
    }

    private LivePresentation apply(ChannelState state, long seq, List<RenditionOutput> outputs, RungProgress p,
                                   GopFlag... flags) {
        return rungs.presentation(state.presentation(), state, gop(seq, flags), outputs, p);
    }

    /** The source listed up to 3, both rungs up to 2. */
    private ChannelState bothRungsListedAt2() {
        ChannelState state = sourceUpTo(3);
        LivePresentation both = apply(state, 2, List.of(output("480p", RUNG_480, 2), output("360p", RUNG_360, 2)),
                progress(2, List.of(), false));
        return state.withRungs(both, progress(2, List.of(), false), List.of());
    }

    private static boolean lists(LivePresentation p, String rendition) {
        return p.rendition(rendition).map(RenditionState::listed).orElse(false);
    }

    @Test
    void listsTheRungsWhereTheSourceListsTheGop() {
        ChannelState state = sourceUpTo(2);
        LivePresentation p = apply(state, 2, List.of(output("480p", RUNG_480, 2), output("360p", RUNG_360, 2)),
                progress(2, List.of(), false));
        assertTrue(lists(p, "480p") && lists(p, "360p"));
        assertFalse(p.ended());
    }

    @Test
    void aDroppedRungIsRemovedAndTheOthersStay() {
        ChannelState after2 = bothRungsListedAt2();
        LivePresentation both = after2.presentation();
        LivePresentation p = apply(after2, 3, List.of(output("360p", RUNG_360, 3)), progress(3, List.of("480p"),
                false));
        assertTrue(p.rendition("480p").isEmpty());
        assertTrue(lists(p, "360p"));
        assertEquals(both.rendition("source"), p.rendition("source"), "the source is untouched");
    }

    @Test
    void aRungTheLadderNoLongerMakesIsRemoved() {
        ChannelState after2 = bothRungsListedAt2();
        LivePresentation both = after2.presentation();
        LivePresentation p = apply(after2, 3, List.of(), progress(3, List.of(), false));
        assertFalse(lists(p, "480p") || lists(p, "360p"));
    }

    @Test
    void theLastRecordsRungsEndThePresentation() {
        ChannelState state = sourceUpTo(2);
        LivePresentation p = apply(state, 2, List.of(output("480p", RUNG_480, 2)), progress(2, List.of(), false),
                GopFlag.LAST);
        assertTrue(p.ended());
        assertTrue(p.rendition("480p").orElseThrow().playlist().ended());
        assertTrue(p.rendition("source").orElseThrow().playlist().ended());
    }

    @Test
    void rungsOfAnOlderSessionNeitherRemoveNorEnd() {
        ChannelState state = sourceUpTo(2);
        ChannelState newer = state.after(GopMetadata.of("B", 0, 0, 1000, 1_800_000_000_000L, Set.of()),
                Boundary.NONE, state.presentation(), List.of());
        LivePresentation p = rungs.presentation(newer.presentation(), newer, gop(2, GopFlag.LAST), List.of(),
                progress(2, List.of(), true));
        assertEquals(newer.presentation(), p);
    }
}
