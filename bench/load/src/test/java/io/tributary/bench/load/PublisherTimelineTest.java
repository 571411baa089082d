package io.tributary.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class PublisherTimelineTest {

    /** Two 2 s GOPs of one frame a second, audio in between: a pass covers 4000 ms. */
    private static final SourceClip CLIP = new SourceClip(new byte[0],
            new ClipTag(9, 0, new byte[] {0x17, 0}, false, true),
            new ClipTag(8, 0, new byte[] {(byte) 0xAF, 0}, false, true),
            List.of(
                    new ClipTag(9, 0, new byte[] {0x17, 1}, true, false),
                    new ClipTag(8, 500, new byte[] {(byte) 0xAF, 1}, false, false),
                    new ClipTag(9, 1000, new byte[] {0x27, 1}, false, false),
                    new ClipTag(9, 2000, new byte[] {0x17, 1}, true, false),
                    new ClipTag(9, 3000, new byte[] {0x27, 1}, false, false)),
            4000);

    @Test
    void startsAtTheChosenKeyframeWithTimestampZero() {
        PublisherTimeline timeline = new PublisherTimeline(CLIP, CLIP.keyframeAtOrAfter(1500), 1.0);
        assertEquals(2000, timeline.tag().timestamp());
        assertEquals(0, timeline.mediaMillis());
    }

    @Test
    void timestampsContinueAcrossTheLoop() {
        PublisherTimeline timeline = new PublisherTimeline(CLIP, 3, 1.0);
        long[] expected = {0, 1000, 2000, 2500, 3000, 4000, 5000};
        for (long millis : expected) {
            assertEquals(millis, timeline.mediaMillis());
            timeline.advance();
        }
    }

    @Test
    void dueTimeFollowsMediaTimeDividedBySpeed() {
        PublisherTimeline timeline = new PublisherTimeline(CLIP, 0, 2.0);
        timeline.begin(1_000_000_000L);
        timeline.advance(); // audio at 500 ms
        assertEquals(1_000_000_000L + 250_000_000L, timeline.dueNanos());
    }

    @Test
    void keyframeSearchWrapsToTheFirstKeyframe() {
        assertEquals(0, CLIP.keyframeAtOrAfter(3500));
    }

    @Test
    void rejectsANonPositiveSpeed() {
        assertThrows(IllegalArgumentException.class, () -> new PublisherTimeline(CLIP, 0, 0));
    }
}
