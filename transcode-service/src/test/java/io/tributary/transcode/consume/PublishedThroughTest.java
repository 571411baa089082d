package io.tributary.transcode.consume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.media.gop.GopFlag;
import io.tributary.media.gop.GopMetadata;
import io.tributary.transcode.manifest.hls.HlsMediaPlaylist;
import io.tributary.transcode.manifest.hls.HlsMediaPlaylistReader;
import io.tributary.transcode.manifest.hls.HlsSegment;
import io.tributary.transcode.manifest.live.Boundary;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The last record a stored source playlist lists: what a successor must not store again (issue 10). */
class PublishedThroughTest {
    private static final Instant T0 = Instant.parse("2026-11-27T06:00:00Z");

    @Test
    void isTheLastSegmentOfAStoredPlaylist() {
        HlsMediaPlaylist p = HlsMediaPlaylist.live(6, 2);
        for (int i = 0; i < 9; i++) {
            p = p.append(HlsSegment.of("S-" + i + ".m4s", Duration.ofSeconds(2), T0.plusSeconds(2L * i),
                    "init-a.mp4"));
        }
        assertEquals(Optional.of(new PublishedThrough("S", 8)),
                PublishedThrough.of(HlsMediaPlaylistReader.read(p.render(), 6)));
        assertEquals(Optional.empty(), PublishedThrough.of(HlsMediaPlaylist.live(6, 2)));
    }

    @Test
    void isNothingForALastSegmentNotOfAMediaNameOrOfASessionIdNoSessionHas() {
        for (String name : List.of("init-a.mp4", "S_1-7.m4s", "S.1-7.m4s")) {
            HlsMediaPlaylist p = HlsMediaPlaylist.live(6, 2).append(HlsSegment.of(name, Duration.ofSeconds(2), T0,
                    "init-a.mp4"));
            assertEquals(Optional.empty(), PublishedThrough.of(p), name);
        }
    }

    @Test
    void coversTheRecordsOfItsSessionUpToItsOwn() {
        PublishedThrough through = new PublishedThrough("S", 6);
        assertTrue(through.covers(gop("S", 4)));
        assertTrue(through.covers(gop("S", 6)));
        assertFalse(through.covers(gop("S", 7)));
        assertTrue(through.covers(gop("T", 2)), "another session's record replayed before this one: listed before it");
        assertTrue(through.isLast(gop("S", 6)));
        assertFalse(through.isLast(gop("S", 5)));
    }

    @Test
    void countsOnlyWhenThePlaylistsAreAheadOfTheState() {
        ChannelState afterA4 = ChannelState.empty().after(gop("A", 4), Boundary.NONE,
                ChannelState.empty().presentation(), List.of());
        ChannelState afterB0 = afterA4.after(gop("B", 0), Boundary.NONE, afterA4.presentation(), List.of());
        assertEquals(Optional.of(new PublishedThrough("A", 6)), new PublishedThrough("A", 6).aheadOf(afterA4));
        assertEquals(Optional.empty(), new PublishedThrough("A", 4).aheadOf(afterA4), "the state is not behind");
        assertEquals(Optional.empty(), new PublishedThrough("A", 6).aheadOf(afterB0),
                "an earlier session's: the state is past it");
        assertEquals(Optional.of(new PublishedThrough("B", 1)), new PublishedThrough("B", 1).aheadOf(afterA4),
                "a session the state does not know is a later one");
    }

    @Test
    void coversEverySessionReplayedBeforeItsOwnRecord() {
        // the state at A-4; the previous owner then listed A-5, B-0 (A never ended), C-0 and C-1, and stopped
        PublishedThrough through = new PublishedThrough("C", 1);
        assertTrue(through.covers(gop("A", 5)), "the state's session, after the state");
        assertTrue(through.covers(gop("B", 0)), "a session in between, started and left after the last save");
        assertTrue(through.covers(gop("C", 1)));
        assertFalse(through.covers(gop("C", 2)), "the first record past it");
    }

    private static GopMetadata gop(String session, long sequence) {
        return GopMetadata.of(session, sequence, sequence * 2000, 2000, T0.toEpochMilli(),
                EnumSet.noneOf(GopFlag.class));
    }
}
