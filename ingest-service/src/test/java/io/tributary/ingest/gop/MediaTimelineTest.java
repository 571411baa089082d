package io.tributary.ingest.gop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MediaTimelineTest {

    @Test
    void countsMediaTimeFromTheSessionsFirstTimestamp() {
        MediaTimeline t = new MediaTimeline();
        assertEquals(0, t.video(1000));
        assertEquals(10, t.audio(1010));
        assertEquals(33, t.video(1033));
        assertEquals(31, t.audio(1031));
    }

    @Test
    void unwrapsTimestampsAcrossThe32BitRollover() {
        MediaTimeline t = new MediaTimeline();
        assertEquals(0, t.video(0xFFFF_FF00L));
        assertEquals(0xF0, t.video(0xFFFF_FFF0L));
        // 0x00000010 after 0xFFFFFFF0: 0x20 ms later, not 4 billion ms earlier
        assertEquals(0x110, t.video(0x0000_0010L));
        assertEquals(0x100 + 1000, t.video(1000));
    }

    @Test
    void unwrapsEachTrackOnItsOwn() {
        MediaTimeline t = new MediaTimeline();
        assertEquals(0, t.video(0xFFFF_FFF0L));
        assertEquals(0x20, t.video(0x10));
        // audio still a little before the wrap, then after it
        assertEquals(5, t.audio(0xFFFF_FFF5L));
        assertEquals(0x25, t.audio(0x15));
    }

    @Test
    void holdsATrackThatGoesBackAtItsLastTime() {
        MediaTimeline t = new MediaTimeline();
        assertEquals(0, t.video(100));
        assertEquals(100, t.video(200));
        assertEquals(100, t.video(150));
        assertEquals(133, t.video(233));
    }

    @Test
    void neverGoesBeforeZero() {
        MediaTimeline t = new MediaTimeline();
        assertEquals(0, t.audio(23));
        assertEquals(0, t.video(0), "video starting just before the first audio");
        assertEquals(10, t.video(33));
    }

    @Test
    void placesMetadataWithoutMovingATrack() {
        MediaTimeline t = new MediaTimeline();
        assertEquals(0, t.data(5000), "metadata before any media is at the start");
        assertEquals(0, t.video(5000));
        assertEquals(0, t.data(4000), "never before the start");
        assertEquals(1000, t.data(6000));
        assertEquals(33, t.video(5033));
    }

    @Test
    void reportsMediaTimeBeyondWhatAnFlvTimestampCarries() {
        MediaTimeline t = new MediaTimeline();
        assertEquals(0, t.video(0));
        assertEquals(0x7FFF_FFFFL, t.video(0x7FFF_FFFFL));
        assertEquals(0xFFFF_FFFFL, t.video(0xFFFF_FFFFL));
        assertEquals(MediaTimeline.OUT_OF_RANGE, t.video(0x10));
    }
}
